// One material, in the library (/library/:id) or beside its chat (/c/:chat/m/:id): title and
// metadata (with the shown version's reading level), the original or its variants, the version bar, and the body — or the hand editor or the
// diff of two versions in its place. An artifact that does not exist or belongs to someone else is
// "not found" (the server's rules hide it; the view cannot tell the two apart, and must not).

import './materials.css'
import { useId, useState } from 'react'
import { Link } from 'wouter'
import { type ArtifactVersion, useArtifact, useIsOffline, useIsWaiting } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { paths } from '../../lib/routes.ts'
import type { MaterialDraft } from '../../materials/draft.ts'
import { artifactLevelFields, readLevel } from '../../materials/reading-level.ts'
import { ArtifactActions } from '../library/index.ts'
import { dropKeptEdit, type KeptEdit, keptEdit } from './edit-store.ts'
import { MaterialBody } from './MaterialBody.tsx'
import { MaterialEditor } from './MaterialEditor.tsx'
import { MaterialMeta } from './MaterialMeta.tsx'
import { MaterialRequests } from './MaterialRequests.tsx'
import { nextVersionAfter } from './material-labels.ts'
import { NextVersionDraft } from './NextVersionDraft.tsx'
import { VariantList } from './VariantList.tsx'
import { VersionCompare } from './VersionCompare.tsx'
import { VersionPicker } from './VersionPicker.tsx'
import { VersionTools } from './VersionTools.tsx'
import { chooseVersion, toChosenId } from './version-choice.ts'

export interface MaterialViewProps {
  artifactId: string
  /** Beside its chat: the title is a level-2 heading under the chat's. */
  isInPanel: boolean
  /** Opened from its chat (beside it or, on a phone, instead of it): links to other materials stay there. */
  isWithChat: boolean
  /** Wide screen: after a request the chat and this material show side by side. */
  isWide: boolean
  /** The next version while the model writes it, when the view knows the chat it is written in. */
  nextDraft?: MaterialDraft | undefined
}

type Mode = 'read' | 'edit' | 'compare'

export function MaterialView({ artifactId, isInPanel, isWithChat, isWide, nextDraft }: MaterialViewProps) {
  const t = useT()
  const material = useArtifact(artifactId)
  const { artifact, versions, conversationId, isLoading, error } = material
  // A hand edit left unsaved (a reload, a closed tab) opens again where it was, on its version.
  const [kept] = useState(() => keptEdit(artifactId))
  const [chosenId, setChosenId] = useState<string | null>(kept?.versionId ?? null)
  const [mode, setMode] = useState<Mode>(kept ? 'edit' : 'read')
  const [notice, setNotice] = useState(kept ? t('material.editor.restored') : '')
  // A version saved offline is queued, not stored: the notice says so until the server has it.
  const [savedVersion, setSavedVersion] = useState<number | null>(null)
  const isWaiting = useIsWaiting(artifactId)
  const titleId = useId()
  const isOffline = useIsOffline()
  const choice = chooseVersion(versions, chosenId)
  const hrefFor = (id: string) =>
    isWithChat && conversationId ? paths.material(conversationId, id) : paths.artifact(id)

  if (error && !artifact) {
    return (
      <p className="form-error" role="alert">
        {t('artifact.loadError', { error: t(toUserMessage(error)) })}
      </p>
    )
  }
  if (isLoading && isOffline) {
    return (
      <p className="muted" role="status" data-testid="artifact-unavailable">
        {t('artifact.unavailableOffline')}
      </p>
    )
  }
  if (isLoading) {
    return (
      <p className="muted" role="status">
        {t('artifact.loading')}
      </p>
    )
  }
  if (!artifact) return <MaterialNotFound isInPanel={isInPanel} />

  const title = artifact.title.trim() || t('artifact.untitled')
  const Heading = isInPanel ? 'h2' : 'h1'
  const shown = choice.shown
  const nextVersion = nextVersionAfter(artifact.latestVersion, versions)
  // A variant aims at its original's class, moved by its level.
  const reading = readLevel(shown?.readingLevel, {
    grade: artifact.grade,
    level: artifact.level,
    originalGrade: material.variantOf?.grade,
  })
  // Closing the editor unsaved lets its kept text go and follows the latest version again.
  const leaveEditor = () => {
    dropKeptEdit(artifact.id)
    setChosenId((id) => id && toChosenId(versions, id))
  }
  const followLatest = (version: number) => {
    setChosenId(null)
    setMode('read')
    setSavedVersion(version)
  }
  const say = (message: string) => {
    setSavedVersion(null)
    setNotice(message)
  }
  const shownNotice =
    savedVersion === null
      ? notice
      : t(isWaiting ? 'material.savedWaiting' : 'material.saved', { version: savedVersion })

  return (
    <article className="stack artifact" aria-labelledby={titleId} data-testid="artifact-view">
      {!isWithChat && (
        <p className="artifact__back">
          <Link href={paths.library}>{t('artifact.backToLibrary')}</Link>
        </p>
      )}
      <Heading id={titleId} className="artifact__title">
        {title}
      </Heading>
      <MaterialMeta artifact={artifact} variantOf={material.variantOf} reading={reading} hrefFor={hrefFor} />
      <div className="artifact__toolbar">
        <VersionPicker
          versions={versions}
          choice={choice}
          onChoose={(id) => {
            setChosenId(toChosenId(versions, id))
            say('')
          }}
        />
        <ArtifactActions
          artifactId={artifact.id}
          title={title}
          body={shown?.body}
          conversationId={conversationId}
        />
      </div>
      {shown && (
        <VersionTools
          artifactId={artifact.id}
          shown={shown}
          isLatest={choice.position === choice.count}
          canCompare={versions.length > 1}
          nextVersion={nextVersion}
          reading={
            shown.readingLevel
              ? { readingLevel: shown.readingLevel, fields: artifactLevelFields(reading) }
              : undefined
          }
          mode={mode}
          onMode={(next) => {
            // The editor stays on the version it opened with: a version arriving meanwhile (another
            // device, the assistant) must not swap the text under the teacher's hands.
            if (next === 'edit' && shown) setChosenId(shown.id)
            if (mode === 'edit' && next !== 'edit') leaveEditor()
            setMode(next)
            say('')
          }}
          onRestored={followLatest}
        />
      )}
      <p className="material-notice" role="status" data-testid="material-notice">
        {shownNotice}
      </p>
      {nextDraft && <NextVersionDraft draft={nextDraft} />}
      <MaterialContent
        mode={mode}
        artifactId={artifact.id}
        versions={versions}
        shown={shown}
        kept={kept}
        nextVersion={nextVersion}
        onSaved={followLatest}
        onCancel={() => {
          leaveEditor()
          setMode('read')
        }}
      />
      {!material.variantOf && <VariantList variants={material.variants} hrefFor={hrefFor} />}
      {shown && (
        <MaterialRequests
          target={{ artifactId: artifact.id, title, conversationId, chatLeaf: material.chatLeaf }}
          canAskForVariants={!material.variantOf}
          isWide={isWide}
        />
      )}
    </article>
  )
}

interface ContentProps {
  mode: Mode
  artifactId: string
  versions: readonly ArtifactVersion[]
  shown: ArtifactVersion | undefined
  kept: KeptEdit | undefined
  nextVersion: number
  onSaved: (version: number) => void
  onCancel: () => void
}

function MaterialContent({
  mode,
  artifactId,
  versions,
  shown,
  kept,
  nextVersion,
  onSaved,
  onCancel,
}: ContentProps) {
  const t = useT()
  if (!shown) return <p className="muted">{t('artifact.noVersions')}</p>
  if (mode === 'edit') {
    const newest = Math.max(...versions.map((v) => v.version))
    return (
      <MaterialEditor
        key={shown.id}
        artifactId={artifactId}
        versionId={shown.id}
        initialBody={shown.body}
        kept={kept}
        nextVersion={nextVersion}
        behind={newest > shown.version ? { base: shown.version, newest } : undefined}
        onSaved={onSaved}
        onCancel={onCancel}
      />
    )
  }
  if (mode === 'compare') return <VersionCompare versions={versions} shown={shown} />
  return <MaterialBody version={shown} />
}

function MaterialNotFound({ isInPanel }: { isInPanel: boolean }) {
  const t = useT()
  const Heading = isInPanel ? 'h2' : 'h1'
  return (
    <div className="stack" data-testid="artifact-not-found">
      <Heading>{t('artifact.notFound')}</Heading>
      <p>{t('artifact.notFoundText')}</p>
      <p>
        <Link href={paths.library} className="button button--primary">
          {t('artifact.backToLibrary')}
        </Link>
      </p>
    </div>
  )
}
