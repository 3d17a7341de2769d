// What a teacher can do with the shown version: copy its text (with a visible "Kopiert"), go to
// the chat it came from, and delete the whole artifact after a confirmation.

import { useState } from 'react'
import { Link, useLocation } from 'wouter'
import { deleteArtifact } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { paths } from '../../lib/routes.ts'
import { useClipboard } from '../markdown/index.ts'
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
