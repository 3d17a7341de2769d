import { describe, expect, it } from 'vitest'
import { type ConversationSummary, mergeSearchResults, toLikePattern } from './conversation-search.ts'

const conv = (id: string, updatedAt: number, title = id): ConversationSummary => ({
  id,
  title,
  updatedAt,
  pinned: false,
  archived: false,
})

describe('toLikePattern', () => {
  it('wraps the trimmed term for a contains-match and collapses whitespace', () => {
    expect(toLikePattern('  Bruch   rechnung ')).toBe('%Bruch rechnung%')
  })

  it('returns null for an empty term, so no query runs', () => {
    expect(toLikePattern('   ')).toBeNull()
  })
})

describe('mergeSearchResults', () => {
  it('lists title and content matches together, newest activity first', () => {
    const hits = mergeSearchResults(
      [conv('a', 100)],
      [{ text: 'Wir üben Bruchrechnung', conversation: conv('b', 300) }],
      'bruch',
    )
    expect(hits.map((h) => h.conversation.id)).toEqual(['b', 'a'])
    expect(hits[0]).toMatchObject({ matchedTitle: false, snippet: 'Wir üben Bruchrechnung' })
    expect(hits[1]).toMatchObject({ matchedTitle: true })
    expect(hits[1]?.snippet).toBeUndefined()
  })

  it('shows a conversation found by title and content once, with both marks', () => {
    const hits = mergeSearchResults(
      [conv('a', 100, 'Bruchrechnung')],
      [{ text: 'noch mehr Bruchrechnung', conversation: conv('a', 100) }],
      'Bruch',
    )
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ matchedTitle: true, snippet: 'noch mehr Bruchrechnung' })
  })

  it('takes the snippet from the first (newest) matching message of a conversation', () => {
    const hits = mergeSearchResults(
      [],
      [
        { text: 'neu: Quiz', conversation: conv('a', 1) },
        { text: 'alt: Quiz', conversation: conv('a', 1) },
      ],
      'quiz',
    )
    expect(hits).toHaveLength(1)
    expect(hits[0]?.snippet).toBe('neu: Quiz')
  })

  it('drops messages whose conversation is not visible', () => {
    expect(mergeSearchResults([], [{ text: 'Quiz' }], 'quiz')).toEqual([])
  })

  it('orders ISO dates and epoch numbers alike', () => {
    const older = { ...conv('old', 0), updatedAt: '2024-01-01T00:00:00.000Z' }
    const newer = conv('new', Date.parse('2025-01-01T00:00:00.000Z'))
    expect(mergeSearchResults([older, newer], [], 'x').map((h) => h.conversation.id)).toEqual(['new', 'old'])
  })
})
