import { describe, expect, test } from 'vitest'
import { queryEtypes } from './query-etypes.ts'
import { TestApp } from './test-app.ts'

const app = new TestApp(
  {
    users: { name: {} },
    conversations: { title: {} },
    messages: { text: {} },
    artifacts: { kind: {} },
  },
  [
    { forward: ['conversations', 'owner', 'one'], reverse: ['users', 'conversations', 'many'] },
    { forward: ['messages', 'conversation', 'one'], reverse: ['conversations', 'messages', 'many'] },
    { forward: ['artifacts', 'message', 'one'], reverse: ['messages', 'artifacts', 'many'] },
  ],
)
const attrs = app.store().attrs
const etypes = (q: unknown) => [...queryEtypes(q, attrs)].sort()

describe('queryEtypes', () => {
  test('lists top-level namespaces, ignoring $$ruleParams', () => {
    expect(etypes({ messages: {}, $$ruleParams: { a: 1 } })).toEqual(['messages'])
  })

  test('follows nested forms in both directions', () => {
    expect(etypes({ users: { conversations: { messages: {} } } })).toEqual([
      'conversations',
      'messages',
      'users',
    ])
    expect(etypes({ artifacts: { message: {} } })).toEqual(['artifacts', 'messages'])
  })

  test('follows where paths, including inside or/and and links compared by id', () => {
    expect(etypes({ messages: { $: { where: { 'conversation.owner.id': 'x' } } } })).toEqual([
      'conversations',
      'messages',
      'users',
    ])
    expect(
      etypes({ conversations: { $: { where: { or: [{ messages: 'm' }], and: [{ title: 'x' }] } } } }),
    ).toEqual(['conversations', 'messages'])
  })

  test('keeps unknown etypes (a later add-attr may create them) and skips unknown labels', () => {
    expect(etypes({ todos: { owner: {} }, messages: { $: { where: { 'nope.id': 1 } } } })).toEqual([
      'messages',
      'todos',
    ])
  })
})
