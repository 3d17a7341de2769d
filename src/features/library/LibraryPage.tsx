// The library of materials. Artifacts arrive in a later issue; until then an honest empty state.

import { useT } from '../../i18n/index.ts'

export function LibraryPage() {
  const t = useT()
  return (
    <div className="page stack">
      <h1>{t('library.title')}</h1>
      <div className="empty-state">
        <h2>{t('library.empty')}</h2>
        <p>{t('library.emptyText')}</p>
      </div>
    </div>
  )
}
