// Inline editor for edit-and-resend: the edited text goes out as a new sibling message.

import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useT } from '../../i18n/index.ts'

interface Props {
  initialText: string
  onSubmit: (text: string) => void
  onCancel: () => void
}

export function MessageEditor({ initialText, onSubmit, onCancel }: Props) {
  const t = useT()
  const fieldId = useId()
  const [text, setText] = useState(initialText)
  const field = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    field.current?.focus()
    field.current?.select()
  }, [])
  const canSubmit = text.trim() !== ''

  function submit(event?: FormEvent) {
    event?.preventDefault()
    if (canSubmit) onSubmit(text.trim())
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.preventDefault()
      onCancel()
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      submit()
    }
  }

  return (
    <form className="message-editor" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={fieldId}>
        {t('message.editField')}
      </label>
      <textarea
        id={fieldId}
        ref={field}
        className="message-editor__input"
        value={text}
        rows={Math.min(10, Math.max(2, text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="message-editor__bar">
        <button type="button" className="button" onClick={onCancel}>
          {t('message.cancelEdit')}
        </button>
        <button type="submit" className="button button--primary" disabled={!canSubmit}>
          {t('message.resend')}
        </button>
      </div>
    </form>
  )
}
