// The chat screen for one conversation: its title, the virtualized current path, suggestions while
// it is empty, the prompts waiting for a connection, the composer, and one polite live announcement
// per finished reply. Loading, empty and "not available offline" are told apart.

import './chat-view.css'
import { useCallback, useId, useMemo, useState } from 'react'
import { useIsOffline } from '../../data/connection.ts'
import { sendPrompt } from '../../data/messages.ts'
import { trackOutbound, useOutbox } from '../../data/outbox.ts'
import { translate, useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { titleFromPrompt } from '../../lib/title-from-prompt.ts'
import { useMarkFirstViewShown } from '../../state/first-view.ts'
import { ChatExport } from '../export/index.ts'
import { AssistantStatusNote } from './AssistantStatusNote.tsx'
import { Composer } from './Composer.tsx'
import { useDraftStore } from './draft-store.ts'
import { focusComposer } from './focus-composer.ts'
import { MessageList } from './MessageList.tsx'
import { OutboxList } from './OutboxList.tsx'
import { PromptSuggestions } from './PromptSuggestions.tsx'
import { useReplyAnnouncement } from './reply-announcement.ts'
import { useChatThread } from './use-chat-thread.ts'

// Read when sending, not at import: the English catalogue loads only once English was chosen
// (i18n/index.ts); until then a chat named in English elsewhere keeps its name here.
const isNewChatTitle = (title: string) =>
  title === translate('de', 'conversations.newTitle') || title === translate('en', 'conversations.newTitle')

export function ChatView({ conversationId }: { conversationId: string }) {
  const t = useT()
  const thread = useChatThread(conversationId)
  const announcement = useReplyAnnouncement(thread.path)
  const [writeError, setWriteError] = useState<unknown>(null)
  const titleId = useId()
  const isOffline = useIsOffline()
  const waiting = useOutbox(conversationId)
  // Waiting prompts show in their own list, whether or not the client put them into the page yet.
  const path = useMemo(() => {
    if (waiting.length === 0) return thread.path
    const ids = new Set(waiting.map((w) => w.id))
    return thread.path.filter((m) => !ids.has(m.id))
  }, [thread.path, waiting])
  // Offline with nothing cached counts as shown too: the warm-up must not wait for the network.
  useMarkFirstViewShown(!thread.isLoading || Boolean(thread.error) || (thread.isLoading && isOffline))
  const lastWaiting = waiting[waiting.length - 1]
  // A new prompt hangs under the newest waiting one: a cursor page may not show that one yet.
  const parent = lastWaiting
    ? { id: lastWaiting.id, createdAt: lastWaiting.createdAt }
    : thread.leaf && { id: thread.leaf.id, createdAt: thread.leaf.createdAt }

  const send = useCallback(
    async (text: string) => {
      setWriteError(null)
      // A chat still carrying the default name is named after its first prompt.
      const isDefaultTitle = !thread.title?.trim() || isNewChatTitle(thread.title.trim())
      const sent = sendPrompt({
        conversationId,
        parentId: parent?.id ?? null,
        text,
        notBefore: parent?.createdAt,
        retitle: thread.isEmpty && isDefaultTitle ? titleFromPrompt(text) : undefined,
      })
      await trackOutbound({ id: sent.id, conversationId, text, createdAt: sent.createdAt }, sent.saved)
    },
    [conversationId, parent?.id, parent?.createdAt, thread.isEmpty, thread.title],
  )
  const pick = useCallback(
    (text: string) => {
      useDraftStore.getState().setDraft(conversationId, text)
      focusComposer()
    },
    [conversationId],
  )

  if (!thread.isLoading && !thread.exists && !thread.error) {
    return <p className="chat-view__notice">{t('chat.notFound')}</p>
  }
  // Sending needs the leaf the new message hangs under; an empty chat has none.
  const isReady = !thread.isLoading && (thread.path.length > 0 || thread.isEmpty)
  // Offline with nothing cached: say so, never the empty chat's suggestions.
  const isUnavailable = thread.isLoading && isOffline

  return (
    <section className="chat-view" aria-labelledby={titleId}>
      <header className="chat-view__header">
        <h1 id={titleId} className="chat-view__title">
          {thread.title?.trim() || t('chat.untitled')}
        </h1>
        {!thread.isEmpty && <ChatExport conversationId={conversationId} />}
      </header>
      {thread.error && (
        <p className="chat-view__error" role="alert">
          {t('chat.loadError', { error: t(toUserMessage(thread.error)) })}
        </p>
      )}
      {writeError ? (
        <p className="chat-view__error" role="alert">
          {t('chat.writeFailed', { error: t(toUserMessage(writeError)) })}
        </p>
      ) : null}
      {/* While loading, the notice holds the list's place, so the composer below never moves. */}
      {isUnavailable ? (
        <div className="chat-view__placeholder">
          <p className="chat-view__notice" role="status" data-testid="chat-unavailable">
            {t('chat.unavailableOffline')}
          </p>
        </div>
      ) : thread.isEmpty && waiting.length === 0 ? (
        <div className="chat-view__empty">
          <p>{t('chat.empty')}</p>
          <PromptSuggestions onPick={pick} />
        </div>
      ) : path.length > 0 ? (
        <MessageList
          conversationId={conversationId}
          messages={path}
          tree={thread.tree}
          isLoadingOlder={thread.isLoadingOlder}
          requestOlder={thread.requestOlder}
          onError={setWriteError}
        />
      ) : waiting.length === 0 ? (
        <div className="chat-view__placeholder">
          <p className="chat-view__notice" role="status">
            {t('chat.loading')}
          </p>
        </div>
      ) : null}
      <OutboxList entries={waiting} />
      <div className="visually-hidden" aria-live="polite" data-testid="reply-announcer">
        {announcement}
      </div>
      <AssistantStatusNote />
      <Composer
        conversationId={conversationId}
        onSend={send}
        disabled={!isReady}
        busy={thread.isBusy || waiting.length > 0}
      />
    </section>
  )
}
