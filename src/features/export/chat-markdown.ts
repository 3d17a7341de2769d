// A chat prepared for export (who wrote each message and when, in the teacher's language) and its
// Markdown form. The messages are those of the path the chat shows. Pure.

import { type Language, translate } from '../../i18n/index.ts'

export interface ChatExportMessage {
  author: string
  when: string
  text: string
}

export interface ChatExport {
  title: string
  messages: ChatExportMessage[]
}

export interface ExportableMessage {
  role: string
  text: string
  createdAt: number
}

export function toChatExport(
  title: string,
  messages: readonly ExportableMessage[],
  language: Language,
): ChatExport {
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })
  return {
    title: title.trim() || translate(language, 'chat.untitled'),
    messages: messages
      .filter((m) => m.text.trim() !== '')
      .map((m) => ({
        author: translate(language, m.role === 'assistant' ? 'export.chat.assistant' : 'export.chat.teacher'),
        when: format.format(new Date(m.createdAt)),
        text: m.text,
      })),
  }
}

export function chatToMarkdown(chat: ChatExport): string {
  const parts = chat.messages.map((m) => `## ${m.author} · ${m.when}\n\n${m.text.trim()}\n`)
  return `# ${chat.title}\n\n${parts.join('\n')}`
}
