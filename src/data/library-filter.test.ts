import { describe, expect, it } from 'vitest'
import { libraryOrder, libraryWhere, NO_LIBRARY_FILTER } from './library-filter.ts'

describe('libraryWhere', () => {
  it('always filters by the owner, and by nothing else when no filter is set', () => {
    expect(libraryWhere('u1', NO_LIBRARY_FILTER)).toEqual({ 'owner.id': 'u1' })
  })

  it('turns every set filter into a clause, searching title and every version body', () => {
    const where = libraryWhere('u1', {
      kind: 'quiz',
      subject: ' mathe ',
      grade: ' 6a ',
      fit: 'too-hard',
      search: 'Brüche  kürzen',
      favoritesOnly: true,
      sort: 'used',
    })
    expect(where).toEqual({
      'owner.id': 'u1',
      kind: 'quiz',
      subject: { $ilike: '%mathe%' },
      grade: { $ilike: '6a' },
      levelFit: 'too-hard',
      favorite: true,
      or: [{ title: { $ilike: '%Brüche kürzen%' } }, { 'versions.body': { $ilike: '%Brüche kürzen%' } }],
    })
  })

  it('ignores a search or subject made of spaces only', () => {
    expect(libraryWhere('u1', { ...NO_LIBRARY_FILTER, search: '   ', subject: ' ' })).toEqual({
      'owner.id': 'u1',
    })
  })
})

describe('libraryOrder', () => {
  it('orders by last change or by last use, newest first', () => {
    expect(libraryOrder('changed')).toEqual({ updatedAt: 'desc' })
    expect(libraryOrder('used')).toEqual({ usedAt: 'desc' })
  })
})
