import { describe, expect, test } from 'vitest'
import { modelMessages, type PathMessage } from './history.ts'

const m = (role: string, text: string, status = 'done'): PathMessage => ({ role, text, status })

describe('modelMessages', () => {
  test('puts the system prompt first and the path in order', () => {
    expect(
      modelMessages('S', [m('user', 'a'), m('assistant', 'b'), m('user', 'c', 'pending')], 1000),
    ).toEqual([
      { role: 'system', content: 'S' },
      { role: 'user', content: 'a' },
      { role: 'assistant', content: 'b' },
      { role: 'user', content: 'c' },
    ])
  })

  test('leaves out failed and empty replies but keeps a stopped one as far as it got', () => {
    const path = [
      m('user', 'a'),
      m('assistant', 'kaputt', 'error'),
      m('user', 'b'),
      m('assistant', '', 'stopped'),
      m('user', 'c'),
      m('assistant', 'halb', 'stopped'),
      m('user', 'd', 'pending'),
    ]
    expect(modelMessages('S', path, 1000).map((x) => x.content)).toEqual(['S', 'a', 'b', 'c', 'halb', 'd'])
  })

  test('drops whole messages from the oldest end to fit the budget, never the request', () => {
    const path = [
      m('user', 'x'.repeat(50)),
      m('assistant', 'y'.repeat(50)),
      m('user', 'z'.repeat(50), 'pending'),
    ]
    expect(modelMessages('S', path, 120).map((x) => x.content[0])).toEqual(['S', 'y', 'z'])
    expect(modelMessages('S', path, 10).map((x) => x.content[0])).toEqual(['S', 'z'])
  })

  test('a reply that wrote materials names them, even when it had no text of its own', () => {
    const reply = { ...m('assistant', ''), materials: [{ id: 'a1', title: 'Brüche', version: 2 }] }
    const withText = { ...m('assistant', 'Hier.'), materials: [{ id: 'a2', title: 'Quiz', version: 1 }] }
    expect(
      modelMessages('S', [m('user', 'a'), reply, m('user', 'b'), withText, m('user', 'c')], 1000),
    ).toEqual([
      { role: 'system', content: 'S' },
      { role: 'user', content: 'a' },
      { role: 'assistant', content: '[Material id=a1, Version 2: Brüche]' },
      { role: 'user', content: 'b' },
      { role: 'assistant', content: 'Hier.\n[Material id=a2, Version 1: Quiz]' },
      { role: 'user', content: 'c' },
    ])
  })
})
