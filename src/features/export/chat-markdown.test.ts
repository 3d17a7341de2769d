import { describe, expect, it } from 'vitest'
import { chatToMarkdown, toChatExport } from './chat-markdown.ts'

describe('chat export', () => {
  const at = Date.UTC(2026, 11, 1, 9, 0)
  const messages = [
    { role: 'user', text: 'Mach ein Quiz', createdAt: at },
    { role: 'assistant', text: '', createdAt: at + 1 },
    { role: 'assistant', text: '## Quiz\n\n1. Was ist 1/2?', createdAt: at + 60_000 },
  ]

  it('names each author in the teacher’s language and drops empty messages', () => {
    const chat = toChatExport('  ', messages, 'en')
    expect(chat.title).toBe('New chat')
    expect(chat.messages.map((m) => m.author)).toEqual(['You', 'eduhu.ki'])
  })

  it('writes the chat as Markdown: title, then each message under its author and time', () => {
    const md = chatToMarkdown(toChatExport('Quiz Brüche', messages, 'de'))
    expect(md.startsWith('# Quiz Brüche\n\n## Du · ')).toBe(true)
    expect(md).toContain('Mach ein Quiz')
    expect(md).toContain('## eduhu.ki · ')
    expect(md).toContain('1. Was ist 1/2?')
  })
})
