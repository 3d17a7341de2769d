// The chat screen for one conversation: its title, the virtualized current path, suggestions while
// it is empty, the composer, and one polite live announcement per finished reply.

import './chat-view.css'
import { useCallback, useId, useState } from 'react'
import { sendPrompt } from '../../data/messages.ts'
import { translate, useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { titleFromPrompt } from '../../lib/title-from-prompt.ts'
import { ChatExport } from '../export/index.ts'
import { AssistantStatusNote } from './AssistantStatusNote.tsx'
import { Composer } from './Composer.tsx'
import { useDraftStore } from './draft-store.ts'
import { focusComposer } from './focus-composer.ts'
import { MessageList } from './MessageList.tsx'
import { PromptSuggestions } from './PromptSuggestions.tsx'
import { useReplyAnnouncement } from './reply-announcement.ts'
import { useChatThread } from './use-chat-thread.ts'

const DEFAULT_TITLES = new Set([
  translate('de', 'conversations.newTitle'),
  translate('en', 'conversations.newTitle'),
])

export function ChatView({ conversationId }: { conversationId: string }) {
  const t = useT()
  const thread = useChatThread(conversationId)
  const announcement = useReplyAnnouncement(thread.path)
  const [writeError, setWriteError] = useState<unknown>(null)
  const titleId = useId()
  const { leaf } = thread

  const send = useCallback(
    async (text: string) => {
      setWriteError(null)
      // A chat still carrying the default name is named after its first prompt.
      const isDefaultTitle = !thread.title?.trim() || DEFAULT_TITLES.has(thread.title.trim())
      const { saved } = sendPrompt({
        conversationId,
        parentId: leaf?.id ?? null,
        text,
        notBefore: leaf?.createdAt,
        retitle: thread.isEmpty && isDefaultTitle ? titleFromPrompt(text) : undefined,
      })
      await saved
    },
    [conversationId, leaf, thread.isEmpty, thread.title],
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
      {thread.isEmpty ? (
        <div className="chat-view__empty">
          <p>{t('chat.empty')}</p>
          <PromptSuggestions onPick={pick} />
        </div>
      ) : thread.path.length > 0 ? (
        <MessageList
          conversationId={conversationId}
          messages={thread.path}
          tree={thread.tree}
          isLoadingOlder={thread.isLoadingOlder}
          requestOlder={thread.requestOlder}
          onError={setWriteError}
        />
      ) : (
        <p className="chat-view__notice" role="status">
          {t('chat.loading')}
        </p>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="reply-announcer">
        {announcement}
      </div>
      <AssistantStatusNote />
      <Composer conversationId={conversationId} onSend={send} disabled={!isReady} busy={thread.isBusy} />
    </section>
  )
}
