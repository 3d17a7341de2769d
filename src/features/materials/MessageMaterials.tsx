// The materials in one chat reply, as cards: those the model is still writing (their body grows as
// it streams) and those it wrote (title, kind, version, "Öffnen" beside the chat).

import { Link } from 'wouter'
import type { MessageMaterial } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { paths } from '../../lib/routes.ts'
import type { MaterialDraft } from '../../materials/draft.ts'
import { Markdown } from '../markdown/index.ts'
import { useSettings } from '../settings/index.ts'
import { kindLabel, levelLabel } from './material-labels.ts'

export interface MessageMaterialsProps {
  conversationId: string
  drafts: readonly MaterialDraft[]
  materials: readonly MessageMaterial[]
}

export function MessageMaterials({ conversationId, drafts, materials }: MessageMaterialsProps) {
  const t = useT()
  if (drafts.length === 0 && materials.length === 0) return null
  return (
    <ul className="material-cards" aria-label={t('material.card.group')}>
      {drafts.map((d) => (
        <li key={d.callId}>
          <DraftCard draft={d} conversationId={conversationId} />
        </li>
      ))}
      {materials.map((m) => (
        <li key={m.versionId}>
          <MaterialCard material={m} conversationId={conversationId} />
        </li>
      ))}
    </ul>
  )
}

function MaterialCard({ material, conversationId }: { material: MessageMaterial; conversationId: string }) {
  const t = useT()
  const language = useSettings((s) => s.language)
  const { artifact } = material
  const title = artifact.title.trim() || t('artifact.untitled')
  return (
    <article className="material-card" data-testid="material-card" data-artifact-id={artifact.id}>
      <p className="material-card__kind">
        <span>{kindLabel(artifact.kind, language)}</span>
        {artifact.level && <span className="material-level">{levelLabel(artifact.level, language)}</span>}
        {material.version > 1 && <span>{t('material.card.version', { version: material.version })}</span>}
        {material.status === 'stopped' && <span>{t('material.card.stopped')}</span>}
      </p>
      <p className="material-card__title">{title}</p>
      {/* The visible word leads the name (voice control finds it); the title says which material. */}
      <Link
        href={paths.material(conversationId, artifact.id)}
        className="button button--primary material-card__open"
        aria-label={`${t('material.card.open')}: ${title}`}
      >
        {t('material.card.open')}
      </Link>
    </article>
  )
}

function DraftCard({ draft, conversationId }: { draft: MaterialDraft; conversationId: string }) {
  const t = useT()
  const language = useSettings((s) => s.language)
  const isRevision = draft.action === 'revise'
  const title = draft.title?.trim() || t('material.card.untitled')
  return (
    <article className="material-card material-card--draft" aria-busy="true" data-testid="material-draft">
      <p className="material-card__kind">
        {draft.kind && <span>{kindLabel(draft.kind, language)}</span>}
        <span className="material-card__writing">
          <span className="message__spinner" aria-hidden="true" />
          {t(isRevision ? 'material.card.revising' : 'material.card.writing')}
        </span>
      </p>
      <p className="material-card__title">{title}</p>
      {draft.body && (
        // Column-reversed, so the newest lines stay in sight while the body grows.
        <div className="material-card__preview" data-testid="material-draft-body">
          <div>
            <Markdown text={draft.body} />
          </div>
        </div>
      )}
      {isRevision && draft.artifactId && (
        <Link
          href={paths.material(conversationId, draft.artifactId)}
          className="button material-card__open"
          aria-label={`${t('material.card.open')}: ${title}`}
        >
          {t('material.card.open')}
        </Link>
      )}
    </article>
  )
}
