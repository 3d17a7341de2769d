// The library's filter while the app is open, so coming back from a material finds the list as
// the teacher left it. UI state only (never a copy of database data).

import { create } from 'zustand'
import { type LibraryFilter, NO_LIBRARY_FILTER } from '../../data/index.ts'

interface LibraryFilterState {
  filter: LibraryFilter
  setFilter(change: Partial<LibraryFilter>): void
  /** Back to every material, keeping the chosen order. */
  clearFilter(): void
}

export const useLibraryFilter = create<LibraryFilterState>()((set) => ({
  filter: NO_LIBRARY_FILTER,
  setFilter: (change) => set((s) => ({ filter: { ...s.filter, ...change } })),
  clearFilter: () => set((s) => ({ filter: { ...NO_LIBRARY_FILTER, sort: s.filter.sort } })),
}))

/** True when anything narrows the list (the order does not). */
export function isFiltered(f: LibraryFilter): boolean {
  return Boolean(f.kind || f.subject.trim() || f.grade.trim() || f.fit || f.search.trim() || f.favoritesOnly)
}
