// What the library asks for: the filter the teacher set (kind, subject, grade, how the reading level
// fits …), as the where clause and order of the artifacts query. Pure (no React, no db), so it is unit-tested.

import type { LevelFit } from '../materials/reading-level.ts'
import { toLikePattern } from './conversation-search.ts'

export type LibrarySort = 'changed' | 'used'

export interface LibraryFilter {
  /** A kind id ('worksheet' …); '' for every kind. */
  kind: string
  /** Part of the subject, any case ("mathe" finds "Mathematik"); '' for every subject. */
  subject: string
  /** The grade as stored ("6", "4b"), any case; '' for every grade. */
  grade: string
  /** How the newest version's reading level fits its class (`artifacts.levelFit`); '' for any. */
  fit: LevelFit | ''
  /** Words in the title or in any version's body; '' for no search. */
  search: string
  favoritesOnly: boolean
  sort: LibrarySort
}

export const NO_LIBRARY_FILTER: LibraryFilter = {
  kind: '',
  subject: '',
  grade: '',
  fit: '',
  search: '',
  favoritesOnly: false,
  sort: 'changed',
}

/**
 * The where clause for the filter. The owner is part of it (not left to the rules) so that pages
 * are never cut short by rows the rules hide. Search covers the title and every version's body;
 * `$ilike` has no escape character, so a `%` or `_` typed by the teacher only widens the match.
 */
export function libraryWhere(ownerId: string, filter: LibraryFilter) {
  const subject = toLikePattern(filter.subject)
  const grade = filter.grade.trim()
  const search = toLikePattern(filter.search)
  return {
    'owner.id': ownerId,
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(subject ? { subject: { $ilike: subject } } : {}),
    ...(grade ? { grade: { $ilike: grade } } : {}),
    ...(filter.fit ? { levelFit: filter.fit } : {}),
    ...(filter.favoritesOnly ? { favorite: true } : {}),
    ...(search ? { or: searchIn(search) } : {}),
  }
}

type Like = { $ilike: string }

function searchIn(pattern: string): ({ title: Like } | { 'versions.body': Like })[] {
  return [{ title: { $ilike: pattern } }, { 'versions.body': { $ilike: pattern } }]
}

/** The order for the filter: last change, or last use (never-opened materials come last). */
export function libraryOrder(sort: LibrarySort) {
  return sort === 'used' ? ({ usedAt: 'desc' } as const) : ({ updatedAt: 'desc' } as const)
}
