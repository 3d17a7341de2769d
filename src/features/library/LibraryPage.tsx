// The library of materials: the teacher's artifacts, last changed first, page by page. A loading
// state, the error where the list would be, and an honest empty state while there are none.

import './library.css'
import { useArtifactList } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { FailureNotice } from '../../ui/FailureNotice.tsx'
import { useCurrentUser } from '../auth/index.ts'
import { ArtifactList } from './ArtifactList.tsx'
import { useDeleteFailure } from './delete-failure.ts'

export function LibraryPage() {
  const t = useT()
  const list = useArtifactList(useCurrentUser().id)
  const isEmpty = list.artifacts.length === 0

  return (
    <div className="page stack">
      <h1>{t('library.title')}</h1>
      <DeleteFailureNotice />
      {list.error && (
        <p className="form-error" role="alert">
          {t('library.loadError', { error: t(toUserMessage(list.error)) })}
        </p>
      )}
      {!isEmpty ? (
        <ArtifactList artifacts={list.artifacts} hasMore={list.hasMore} loadMore={list.loadMore} />
      ) : list.isLoading ? (
        <p className="muted" role="status">
          {t('library.loading')}
        </p>
      ) : (
        !list.error && (
          <div className="empty-state">
            <h2>{t('library.empty')}</h2>
            <p>{t('library.emptyText')}</p>
          </div>
        )
      )}
    </div>
  )
}

function DeleteFailureNotice() {
  const t = useT()
  const error = useDeleteFailure((s) => s.error)
  const clear = useDeleteFailure((s) => s.clear)
  if (!error) return null
  return (
    <FailureNotice
      message={t('artifact.deleteFailed', { reason: t(error) })}
      closeLabel={t('dialog.close')}
      onClose={clear}
    />
  )
}
