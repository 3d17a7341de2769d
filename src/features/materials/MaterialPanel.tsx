// The material beside its chat: a labelled region with a way back (closing the panel on a wide
// screen, back to the chat on a phone, where the material fills the screen).

import { Link } from 'wouter'
import { useStreamingDrafts } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { paths } from '../../lib/routes.ts'
import { MaterialView } from './MaterialView.tsx'

export interface MaterialPanelProps {
  conversationId: string
  artifactId: string
  isWide: boolean
}

export function MaterialPanel({ conversationId, artifactId, isWide }: MaterialPanelProps) {
  const t = useT()
  const drafts = useStreamingDrafts(conversationId)
  const nextDraft = drafts.find((d) => d.action === 'revise' && d.artifactId === artifactId)
  return (
    <section className="material-panel" aria-label={t('material.panel.label')} data-testid="material-panel">
      <p className="material-panel__bar">
        <Link href={paths.chat(conversationId)} className="button material-panel__close">
          {isWide ? (
            <>
              <span aria-hidden="true">× </span>
              {t('material.panel.close')}
            </>
          ) : (
            <>
              <span aria-hidden="true">← </span>
              {t('material.backToChat')}
            </>
          )}
        </Link>
      </p>
      <MaterialView
        key={artifactId}
        artifactId={artifactId}
        isInPanel={isWide}
        isWithChat
        isWide={isWide}
        nextDraft={nextDraft}
      />
    </section>
  )
}
