import { describe, expect, it } from 'vitest'
import { classifyWrite, type PendingMutation } from './pending-write-kinds.ts'

// Steps in the shape @instantdb/core 1.0.67's instaml writes them (seen in its IndexedDB queue).
const attrs: Record<string, { etype: string; label: string }> = {
  'a-conv-id': { etype: 'conversations', label: 'id' },
  'a-title': { etype: 'conversations', label: 'title' },
  'a-pinned': { etype: 'conversations', label: 'pinned' },
  'a-updated': { etype: 'conversations', label: 'updatedAt' },
  'a-msg-id': { etype: 'messages', label: 'id' },
  'a-role': { etype: 'messages', label: 'role' },
  'a-msg-conv': { etype: 'messages', label: 'conversation' },
  'a-profile-name': { etype: 'profiles', label: 'displayName' },
}
const lookup = (id: string) => attrs[id]
const none = () => undefined
const mutation = (steps: unknown[][]): PendingMutation => ({ 'tx-steps': steps, created: 1, order: 3 })

describe('classifyWrite', () => {
  it('names a rename and the conversation it changes', () => {
    const m = mutation([
      ['add-triple', 'c1', 'a-conv-id', 'c1', { mode: 'update' }],
      ['add-triple', 'c1', 'a-title', 'Neu', { mode: 'update' }],
    ])
    expect(classifyWrite('e1', m, lookup)).toEqual({
      eventId: 'e1',
      kind: 'rename',
      entityIds: ['c1'],
      order: 3,
    })
  })

  it('names a pin, a delete and a profile edit', () => {
    expect(classifyWrite('e', mutation([['add-triple', 'c1', 'a-pinned', true]]), lookup).kind).toBe('pin')
    expect(classifyWrite('e', mutation([['delete-entity', 'c1', 'conversations']]), lookup)).toMatchObject({
      kind: 'delete',
      entityIds: ['c1'],
    })
    expect(classifyWrite('e', mutation([['add-triple', 'p1', 'a-profile-name', 'Jo']]), lookup).kind).toBe(
      'profile',
    )
  })

  it('names a prompt by the new message, not by the conversation it also touches', () => {
    const m = mutation([
      ['add-triple', 'm1', 'a-role', 'user'],
      ['add-triple', 'm1', 'a-msg-conv', 'c1'],
      ['add-triple', 'c1', 'a-updated', 5],
    ])
    expect(classifyWrite('e', m, lookup)).toMatchObject({ kind: 'prompt', entityIds: ['m1', 'c1'] })
  })

  it('still knows the entities when the attributes are unknown (offline after a reload)', () => {
    const m = mutation([['add-triple', 'c1', 'a-title', 'Neu']])
    expect(classifyWrite('e', m, none)).toMatchObject({ kind: 'other', entityIds: ['c1'] })
  })
})
