// The controls under a message: copy (with a visible "Kopiert"), edit-and-resend for the teacher's
// messages, regenerate and stop for replies. Every button carries its full accessible name.

import type { ChatMessage } from '../../data/messages.ts'
import { useT } from '../../i18n/index.ts'
import { useClipboard } from '../markdown/index.ts'

interface Props {
  message: ChatMessage
  canRegenerate: boolean
  onEdit: () => void
  onRegenerate: () => void
  onStop: () => void
}

export function MessageControls({ message, canRegenerate, onEdit, onRegenerate, onStop }: Props) {
  const t = useT()
  const { state, copy } = useClipboard()
  const isReply = message.role === 'assistant'
  const inProgress = message.status === 'pending' || message.status === 'streaming'
  const copyNote =
    state === 'copied' ? t('message.copied') : state === 'failed' ? t('message.copyFailed') : ''

  return (
    <fieldset className="message-controls">
      <legend className="visually-hidden">{t('message.actions')}</legend>
      {message.text !== '' && (
        <button
          type="button"
          className="message-button"
          onClick={() => copy(message.text)}
          aria-label={t('message.copyLabel')}
        >
          {t('message.copy')}
        </button>
      )}
      {!isReply && (
        <button type="button" className="message-button" onClick={onEdit} aria-label={t('message.editLabel')}>
          {t('message.edit')}
        </button>
      )}
      {canRegenerate && !inProgress && (
        <button
          type="button"
          className="message-button"
          onClick={onRegenerate}
          aria-label={t('message.regenerateLabel')}
        >
          {t('message.regenerate')}
        </button>
      )}
      {inProgress && (
        <button
          type="button"
          className="message-button message-button--stop"
          onClick={onStop}
          aria-label={isReply ? t('message.stopLabel') : t('message.cancelRequest')}
        >
          {isReply ? t('message.stop') : t('message.cancelRequest')}
        </button>
      )}
      <span className="message-controls__note" role="status">
        {copyNote}
      </span>
    </fieldset>
  )
}
