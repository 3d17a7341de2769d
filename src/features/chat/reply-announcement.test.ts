import { describe, expect, it } from 'vitest'
import type { ChatMessage } from '../../data/messages.ts'
import { newlyFinishedReplies, toSpokenText } from './reply-announcement.ts'

function reply(status: ChatMessage['status'], text = 'Hier ist dein Arbeitsblatt.'): ChatMessage {
  return {
    id: 'a1',
    parentId: 'u1',
    role: 'assistant',
    status,
    text,
    createdAt: 1,
    updatedAt: 1,
    error: undefined,
    model: undefined,
    drafts: [],
    materials: [],
  }
}

describe('newlyFinishedReplies', () => {
  it('reports a reply once, when it turns done after streaming', () => {
    const seen = new Map<string, string>()
    expect(newlyFinishedReplies(seen, [reply('pending')])).toEqual([])
    expect(newlyFinishedReplies(seen, [reply('streaming', 'Hier')])).toEqual([])
    expect(newlyFinishedReplies(seen, [reply('streaming', 'Hier ist')])).toEqual([])
    expect(newlyFinishedReplies(seen, [reply('done')])).toHaveLength(1)
    expect(newlyFinishedReplies(seen, [reply('done')])).toEqual([])
  })

  it('stays silent for replies that were finished when the chat opened', () => {
    expect(newlyFinishedReplies(new Map(), [reply('done')])).toEqual([])
  })

  it('ignores user messages and stopped replies', () => {
    const seen = new Map<string, string>()
    newlyFinishedReplies(seen, [reply('streaming')])
    expect(newlyFinishedReplies(seen, [reply('stopped')])).toEqual([])
    const user = { ...reply('pending'), id: 'u2', role: 'user' as const }
    newlyFinishedReplies(seen, [user])
    expect(newlyFinishedReplies(seen, [{ ...user, status: 'done' }])).toEqual([])
  })
})

describe('toSpokenText', () => {
  it('drops Markdown syntax and code blocks', () => {
    expect(toSpokenText('# Titel\n\n**fett** und [Link](https://x.de)\n```js\nx()\n```')).toBe(
      'Titel fett und Link',
    )
  })

  it('cuts long replies at a word boundary', () => {
    const spoken = toSpokenText('Wort '.repeat(200))
    expect(spoken.length).toBeLessThanOrEqual(302)
    expect(spoken.endsWith(' …')).toBe(true)
  })
})
