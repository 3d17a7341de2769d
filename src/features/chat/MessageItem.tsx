// One message of the current path: who and when, the Markdown body (or the inline editor), the
// materials it holds as cards, its status line, the branch switcher and the controls. Memoised:
// rows re-render while the list scrolls.

import { memo, useId, useState } from 'react'
import type { ChatMessage } from '../../data/messages.ts'
import { useReplyText } from '../../data/reply-stream.ts'
import { isMessageKey, type MessageKey, useT } from '../../i18n/index.ts'
import { Markdown } from '../markdown/index.ts'
import { MessageMaterials } from '../materials/index.ts'
import { useSettings } from '../settings/index.ts'
import { BranchSwitcher } from './BranchSwitcher.tsx'
import { MessageControls } from './MessageControls.tsx'
import { MessageEditor } from './MessageEditor.tsx'

export interface MessageItemProps {
  conversationId: string
  message: ChatMessage
  canRegenerate: boolean
  siblingIndex: number
  siblingCount: number
  onStepSibling: (message: ChatMessage, delta: -1 | 1) => void
  onEdit: (message: ChatMessage, text: string) => void
  onRegenerate: (message: ChatMessage) => void
  onStop: (message: ChatMessage) => void
}

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatTime(ms: number, language: string): string {
  let f = formatters.get(language)
  if (!f) {
    f = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })
    formatters.set(language, f)
  }
  return f.format(ms)
}

function statusKey(m: ChatMessage): MessageKey | null {
  if (m.role === 'user') {
    if (m.status === 'pending') return 'message.status.waiting'
    if (m.status === 'stopped') return 'message.status.requestStopped'
    return m.status === 'error' ? 'message.status.errorUnknown' : null
  }
  if (m.status === 'pending') return 'message.status.pending'
  if (m.status === 'streaming') return 'message.status.streaming'
  if (m.status === 'stopped') return 'message.status.stopped'
  return m.status === 'error' ? 'message.status.errorUnknown' : null
}

/** The worker stores failure codes (server/assistant/openai-stream.ts); anything else is shown as is. */
function errorText(error: string, t: ReturnType<typeof useT>): string {
  const key = `message.error.${error}`
  return isMessageKey(key) ? t(key) : t('message.status.error', { error })
}

export const MessageItem = memo(function MessageItem(props: MessageItemProps) {
  const { message, siblingIndex, siblingCount } = props
  const t = useT()
  const language = useSettings((s) => s.language)
  const [isEditing, setEditing] = useState(false)
  const labelId = useId()
  // A streaming reply's text comes ahead of its durable writes through the reply's stream.
  const text = useReplyText(message)
  const role = t(message.role === 'assistant' ? 'message.role.assistant' : 'message.role.user')
  const time = formatTime(message.createdAt, language)
  const key = statusKey(message)
  const limitKey = `message.limit.${message.limit}`
  const limited =
    message.limit && isMessageKey(limitKey)
      ? t(limitKey, { time: message.limitUntil ? formatTime(message.limitUntil, language) : '' })
      : null
  const status =
    message.status === 'error' && message.error ? errorText(message.error, t) : (limited ?? (key && t(key)))
  const inProgress = message.status === 'pending' || message.status === 'streaming'

  return (
    <article
      className={`message message--${message.role}`}
      aria-labelledby={labelId}
      aria-busy={inProgress}
      data-testid="message"
      data-message-id={message.id}
      data-role={message.role}
      data-status={message.status}
    >
      <header className="message__meta" id={labelId}>
        <span className="message__role">{role}</span>
        <time className="message__time" dateTime={new Date(message.createdAt).toISOString()}>
          {time}
        </time>
      </header>
      {isEditing ? (
        <MessageEditor
          initialText={message.text}
          onCancel={() => setEditing(false)}
          onSubmit={(text) => {
            setEditing(false)
            props.onEdit(message, text)
          }}
        />
      ) : (
        text !== '' && <Markdown text={text} />
      )}
      <MessageMaterials
        conversationId={props.conversationId}
        drafts={message.drafts}
        materials={message.materials}
      />
      {status && (
        <p className={`message__status message__status--${message.status}`} data-testid="message-status">
          {inProgress && <span className="message__spinner" aria-hidden="true" />}
          {status}
        </p>
      )}
      {!isEditing && (
        <footer className="message__footer">
          {siblingCount > 1 && (
            <BranchSwitcher
              index={siblingIndex}
              count={siblingCount}
              onStep={(delta) => props.onStepSibling(message, delta)}
            />
          )}
          <MessageControls
            // Copy takes the text as shown, streamed words included.
            message={text === message.text ? message : { ...message, text }}
            canRegenerate={props.canRegenerate}
            onEdit={() => setEditing(true)}
            onRegenerate={() => props.onRegenerate(message)}
            onStop={() => props.onStop(message)}
          />
        </footer>
      )}
    </article>
  )
})
