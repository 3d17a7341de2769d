// Editing a material's Markdown by hand: the text and an optional note; saving makes it the next
// version (the one edited stays as it was). A refused save keeps the text and says why; text not
// yet saved is kept (edit-store.ts) until it is saved or cancelled, so a reload loses nothing.

import { type FormEvent, useId, useState } from 'react'
import { addArtifactVersion } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { type KeptEdit, useEditStore } from './edit-store.ts'

export interface MaterialEditorProps {
  artifactId: string
  /** The version edited: its body is where the edit starts, unless `kept` continues one. */
  versionId: string
  initialBody: string
  kept?: KeptEdit | undefined
  nextVersion: number
  /** The edited version's number and the newest one, when a newer version exists (from another device). */
  behind?: { base: number; newest: number } | undefined
  onSaved: (version: number) => void
  onCancel: () => void
}

export function MaterialEditor({
  artifactId,
  versionId,
  initialBody,
  kept,
  nextVersion,
  behind,
  onSaved,
  onCancel,
}: MaterialEditorProps) {
  const t = useT()
  const resumed = kept?.versionId === versionId ? kept : undefined
  const [body, setBodyState] = useState(resumed?.body ?? initialBody)
  const [note, setNoteState] = useState(resumed?.note ?? '')
  const { keepEdit, dropEdit } = useEditStore.getState()
  const keep = (next: { body: string; note: string }) => {
    if (next.body === initialBody && !next.note) dropEdit(artifactId)
    else keepEdit(artifactId, { versionId, ...next })
  }
  const setBody = (next: string) => {
    setBodyState(next)
    keep({ body: next, note })
  }
  const setNote = (next: string) => {
    setNoteState(next)
    keep({ body, note: next })
  }
  const [problem, setProblem] = useState('')
  const [isSaving, setSaving] = useState(false)
  const bodyId = useId()
  const noteId = useId()
  const problemId = useId()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!body.trim()) return setProblem(t('material.editor.empty'))
    if (body === initialBody) return setProblem(t('material.editor.unchanged'))
    setProblem('')
    setSaving(true)
    const { saved } = addArtifactVersion({
      artifactId,
      version: nextVersion,
      body,
      source: 'edit',
      note: note.trim() || t('material.note.edit'),
    })
    try {
      // Online this waits for the server, so a refusal keeps the form and its text; offline the
      // client settles at once with the write queued.
      await saved
      dropEdit(artifactId)
      onSaved(nextVersion)
    } catch (error) {
      setProblem(t('material.saveFailed', { error: t(toUserMessage(error)) }))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="material-editor stack" onSubmit={submit} data-testid="material-editor">
      <label htmlFor={bodyId}>{t('material.editor.label')}</label>
      <textarea
        id={bodyId}
        className="material-editor__body"
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={16}
        spellCheck
        aria-describedby={problem ? problemId : undefined}
        aria-invalid={problem === t('material.editor.empty') || undefined}
      />
      <label htmlFor={noteId}>{t('material.editor.note')}</label>
      <input
        id={noteId}
        className="material-editor__note"
        value={note}
        maxLength={120}
        onChange={(e) => setNote(e.target.value)}
      />
      {behind && (
        // Saving from an older version makes it the latest; the teacher must know what it leaves out.
        <p role="status" data-testid="material-editor-behind">
          {t('material.editor.behind', { ...behind, next: nextVersion })}
        </p>
      )}
      {problem && (
        <p id={problemId} className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="material-editor__bar">
        <button type="button" className="button" onClick={onCancel}>
          {t('material.editor.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={isSaving}>
          {t('material.editor.save')}
        </button>
      </div>
    </form>
  )
}
