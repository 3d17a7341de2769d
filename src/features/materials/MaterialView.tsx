// One material at /library/:id: title and metadata, the version picker (latest by default), the
// body, and its actions. An artifact that does not exist or belongs to someone else is "not found"
// (the server's rules hide it; the view cannot tell the two apart, and must not).

import './library.css'
import { useId, useState } from 'react'
import { Link } from 'wouter'
import { type Artifact, useArtifact } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { paths } from '../../lib/routes.ts'
import { useSettings } from '../settings/index.ts'
import { ArtifactActions } from './ArtifactActions.tsx'
import { ArtifactBody } from './ArtifactBody.tsx'
import { formatDateTime, kindLabelKey } from './artifact-labels.ts'
import { VersionPicker } from './VersionPicker.tsx'
import { chooseVersion, toChosenId } from './version-choice.ts'

export function ArtifactView({ artifactId }: { artifactId: string }) {
  const t = useT()
  const { artifact, versions, conversationId, isLoading, error } = useArtifact(artifactId)
  const [chosenId, setChosenId] = useState<string | null>(null)
  const titleId = useId()
  const choice = chooseVersion(versions, chosenId)

  if (error && !artifact) {
    return (
      <div className="page stack">
        <BackLink />
        <p className="form-error" role="alert">
          {t('artifact.loadError', { error: t(toUserMessage(error)) })}
        </p>
      </div>
    )
  }
  if (isLoading) {
    return (
      <p className="page muted" role="status">
        {t('artifact.loading')}
      </p>
    )
  }
  if (!artifact) return <ArtifactNotFound />

  const title = artifact.title.trim() || t('artifact.untitled')
  return (
    <article className="page stack artifact" aria-labelledby={titleId} data-testid="artifact-view">
      <BackLink />
      <h1 id={titleId} className="artifact__title">
        {title}
      </h1>
      <ArtifactMeta artifact={artifact} />
      <div className="artifact__toolbar">
        <VersionPicker
          versions={versions}
          choice={choice}
          onChoose={(id) => setChosenId(toChosenId(versions, id))}
        />
        <ArtifactActions
          artifactId={artifact.id}
          title={title}
          body={choice.shown?.body}
          conversationId={conversationId}
        />
      </div>
      {choice.shown ? (
        <ArtifactBody version={choice.shown} />
      ) : (
        <p className="muted">{t('artifact.noVersions')}</p>
      )}
    </article>
  )
}

function ArtifactMeta({ artifact }: { artifact: Artifact }) {
  const t = useT()
  const locale = useSettings((s) => s.language)
  const kindKey = kindLabelKey(artifact.kind)
  const updated = formatDateTime(artifact.updatedAt, locale)
  return (
    <dl className="artifact__meta">
      <div>
        <dt>{t('artifact.kind')}</dt>
        <dd>{kindKey ? t(kindKey) : artifact.kind}</dd>
      </div>
      {artifact.subject && (
        <div>
          <dt>{t('artifact.subject')}</dt>
          <dd>{artifact.subject}</dd>
        </div>
      )}
      {artifact.grade && (
        <div>
          <dt>{t('artifact.grade')}</dt>
          <dd>{artifact.grade}</dd>
        </div>
      )}
      {updated && (
        <div>
          <dt>{t('artifact.updated')}</dt>
          <dd>{updated}</dd>
        </div>
      )}
    </dl>
  )
}

function ArtifactNotFound() {
  const t = useT()
  return (
    <div className="page stack" data-testid="artifact-not-found">
      <h1>{t('artifact.notFound')}</h1>
      <p>{t('artifact.notFoundText')}</p>
      <p>
        <Link href={paths.library} className="button button--primary">
          {t('artifact.backToLibrary')}
        </Link>
      </p>
    </div>
  )
}

function BackLink() {
  const t = useT()
  return (
    <p className="artifact__back">
      <Link href={paths.library}>{t('artifact.backToLibrary')}</Link>
    </p>
  )
}
