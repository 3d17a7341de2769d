// The next version of the open material while the model writes it (a revision asked for in its
// chat): the body so far, growing with each flush, until the version itself arrives.

import { useT } from '../../i18n/index.ts'
import type { MaterialDraft } from '../../materials/draft.ts'
import { Markdown } from '../markdown/index.ts'

export function NextVersionDraft({ draft }: { draft: MaterialDraft }) {
  const t = useT()
  return (
    <section
      className="material-next"
      aria-busy="true"
      aria-label={t('material.draft.writing')}
      data-testid="material-next-draft"
    >
      <p className="material-card__writing">
        <span className="message__spinner" aria-hidden="true" />
        {t('material.draft.writing')}
      </p>
      {draft.body && <Markdown text={draft.body} />}
    </section>
  )
}
