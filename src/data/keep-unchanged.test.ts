import { describe, expect, it } from 'vitest'
import { keepUnchanged } from './keep-unchanged.ts'
import type { ChatMessage } from './messages.ts'

const message = (over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: 'm1',
  parentId: null,
  role: 'assistant',
  status: 'done',
  text: 'Ein Arbeitsblatt',
  createdAt: 1,
  updatedAt: 2,
  error: undefined,
  model: 'scripted',
  drafts: [],
  materials: [
    {
      versionId: 'v1',
      version: 1,
      status: 'done',
      artifact: { id: 'a1', title: 'Brüche', kind: 'worksheet' },
    },
  ],
  ...over,
})

describe('keepUnchanged', () => {
  it('keeps the object shown before when the message is equal, even as a new object', () => {
    const before = message()
    const [again] = keepUnchanged(new Map([[before.id, before]]), [message()])
    expect(again).toBe(before)
  })

  it('takes the new object when anything shown changed', () => {
    const before = message()
    const changes: Partial<ChatMessage>[] = [
      { text: 'Ein Arbeitsblatt mit Lösungen' },
      { status: 'streaming' },
      { updatedAt: 3 },
      { error: 'Zeitüberschreitung' },
      { materials: [] },
      { drafts: [{ callId: 'c1', action: 'create', kind: 'quiz', title: 'Quiz', body: '' }] },
    ]
    for (const change of changes) {
      const next = message(change)
      expect(keepUnchanged(new Map([[before.id, before]]), [next])[0]).toBe(next)
    }
  })

  it('takes messages it has not seen as they are', () => {
    const next = message({ id: 'm2' })
    expect(keepUnchanged(new Map(), [next])[0]).toBe(next)
  })
})
