// "Chat exportieren": the whole chat (the path it shows) as a Markdown or Word file. Reads the chat
// once from the server, builds the file (DOCX lazily) and downloads it; progress and failures are
// said in the dialog, and nothing in the chat changes.

import { useState } from 'react'
import { loadConversationForExport } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { Dialog } from '../../ui/Dialog.tsx'
import { useSettings } from '../settings/index.ts'
import { chatToMarkdown, toChatExport } from './chat-markdown.ts'
import { DOCX_TYPE, downloadFile, fileNameFor, MARKDOWN_TYPE } from './download.ts'
import { loadDocx } from './load-docx.ts'

type Format = 'markdown' | 'docx'
type Progress = { state: 'idle' } | { state: 'building' } | { state: 'failed'; error: unknown }

export function ChatExport({ conversationId }: { conversationId: string }) {
  const t = useT()
  const language = useSettings((s) => s.language)
  const [isOpen, setOpen] = useState(false)
  const [progress, setProgress] = useState<Progress>({ state: 'idle' })

  async function save(format: Format) {
    setProgress({ state: 'building' })
    try {
      const loaded = await loadConversationForExport(conversationId)
      if (!loaded) throw new Error('chat not found')
      const chat = toChatExport(loaded.title, loaded.messages, language)
      const blob =
        format === 'markdown'
          ? new Blob([chatToMarkdown(chat)], { type: MARKDOWN_TYPE })
          : new Blob([await (await loadDocx()).buildChatDocx(chat)], { type: DOCX_TYPE })
      downloadFile(fileNameFor(chat.title, format === 'markdown' ? 'md' : 'docx', 'chat'), blob)
      setProgress({ state: 'idle' })
      setOpen(false)
    } catch (error) {
      setProgress({ state: 'failed', error })
    }
  }

  const isBuilding = progress.state === 'building'
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        {t('export.chat')}
      </button>
      {isOpen && (
        <Dialog
          title={t('export.chat')}
          onClose={() => {
            setOpen(false)
            setProgress({ state: 'idle' })
          }}
        >
          <p>{t('export.chat.text')}</p>
          <p role="status">
            {isBuilding
              ? t('export.preparing')
              : progress.state === 'failed'
                ? t('export.failed', { error: t(toUserMessage(progress.error)) })
                : ''}
          </p>
          <div className="dialog__actions">
            <button type="button" className="button" disabled={isBuilding} onClick={() => save('markdown')}>
              {t('export.chat.markdown')}
            </button>
            <button type="button" className="button" disabled={isBuilding} onClick={() => save('docx')}>
              {t('export.chat.docx')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  )
}
