// What a teacher can do with the shown version: copy its text (with a visible "Kopiert"), print it
// or save it as PDF, DOCX or Markdown, go to the chat it came from, and delete the whole artifact
// after a confirmation. Being shown counts as a use of the material ("recently used").

import { useEffect, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { deleteArtifact, markArtifactUsed, useArtifactPaperInfo } from '../../data/index.ts'
import { type Language, useT } from '../../i18n/index.ts'
import { paths } from '../../lib/routes.ts'
import { MaterialExport } from '../export/index.ts'
import { useClipboard } from '../markdown/index.ts'
import { useSettings } from '../settings/index.ts'
import { DeleteArtifactDialog } from './DeleteArtifactDialog.tsx'
import { reportDeleteFailure } from './delete-failure.ts'

export interface ArtifactActionsProps {
  artifactId: string
  title: string
  /** The shown version's text; undefined when the artifact has no version yet. */
  body: string | undefined
  conversationId: string | undefined
}

export function ArtifactActions({ artifactId, title, body, conversationId }: ArtifactActionsProps) {
  const t = useT()
  const [, navigate] = useLocation()
  const { state, copy } = useClipboard()
  const [isDeleting, setDeleting] = useState(false)
  const copyNote =
    state === 'copied' ? t('artifact.copied') : state === 'failed' ? t('artifact.copyFailed') : ''
  const paper = useArtifactPaperInfo(artifactId)
  const uiLanguage = useSettings((s) => s.language)

  useEffect(() => {
    // Only orders "recently used"; a refused mark changes nothing the teacher relies on.
    markArtifactUsed(artifactId).catch(() => {})
  }, [artifactId])

  function confirmDelete() {
    setDeleting(false)
    // Applied locally at once, so the library no longer lists it; a refusal is reported there.
    reportDeleteFailure(deleteArtifact(artifactId))
    navigate(paths.library, { replace: true })
  }

  return (
    <div className="artifact__actions">
      {body !== undefined && (
        <button type="button" className="button" onClick={() => copy(body)}>
          {t('artifact.copy')}
        </button>
      )}
      {body !== undefined && paper.kind !== undefined && (
        <MaterialExport
          title={title}
          body={body}
          kind={paper.kind}
          language={toLanguage(paper.language, uiLanguage)}
        />
      )}
      {conversationId && (
        <Link href={paths.chat(conversationId)} className="button">
          {t('artifact.toChat')}
        </Link>
      )}
      <button type="button" className="button artifact__delete" onClick={() => setDeleting(true)}>
        {t('artifact.delete')}
      </button>
      <span className="artifact__copy-note" role="status">
        {copyNote}
      </span>
      {isDeleting && (
        <DeleteArtifactDialog title={title} onConfirm={confirmDelete} onClose={() => setDeleting(false)} />
      )}
    </div>
  )
}

/** The material's own language when it is one the app speaks, else the teacher's. */
function toLanguage(stored: string | undefined, fallback: Language): Language {
  return stored === 'de' || stored === 'en' ? stored : fallback
}
