import { describe, expect, it } from 'vitest'
import { sectionOf, withMoved } from './moved-offline.ts'

const row = (id: string, updatedAt: number, pinned = false, archived = false) => ({
  id,
  title: id,
  updatedAt,
  pinned,
  archived,
})

describe('withMoved', () => {
  it('adds a chat pinned offline to the pinned section in activity order', () => {
    const pinned = [row('a', 30, true), row('c', 10, true)]
    expect(withMoved('pinned', pinned, [row('b', 20, true)]).map((r) => r.id)).toEqual(['a', 'b', 'c'])
  })

  it('adds an unpinned chat to recent, never to pinned, and nothing archived anywhere', () => {
    const moved = [row('u', 5), row('x', 6, false, true)]
    expect(withMoved('recent', [row('r', 9)], moved).map((r) => r.id)).toEqual(['r', 'u'])
    expect(withMoved('pinned', [], moved)).toEqual([])
    expect(sectionOf(row('x', 1, true, true))).toBeNull()
  })

  it('keeps the section untouched when the chat is already there', () => {
    const rows = [row('a', 3, true)]
    expect(withMoved('pinned', rows, [row('a', 3, true)])).toBe(rows)
  })
})
