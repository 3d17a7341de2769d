// Places chats pinned, unpinned, archived or restored while offline into the right list section.
// Instant applies a queued write to each cached query's own store: the section a chat leaves drops
// it, but the section it joins never held its other fields (title, owner), so it would vanish. The
// chat's row from the warm cache's head query (which holds all its fields) fills that gap.

import type { ConversationItemData } from './ConversationItem.tsx'

export type SectionName = 'pinned' | 'recent'

/** Which section a row belongs to now, or none (archived). */
export function sectionOf(row: Pick<ConversationItemData, 'pinned' | 'archived'>): SectionName | null {
  if (row.archived) return null
  return row.pinned ? 'pinned' : 'recent'
}

/**
 * The section's rows plus the moved rows that belong to it and are missing, newest activity first
 * (the order the section's query uses). Rows the section already holds are kept as they are.
 */
export function withMoved<T extends ConversationItemData>(
  section: SectionName,
  rows: readonly T[],
  moved: readonly T[],
): readonly T[] {
  const present = new Set(rows.map((r) => r.id))
  const joining = moved.filter((m) => sectionOf(m) === section && !present.has(m.id))
  if (joining.length === 0) return rows
  const time = (r: T) => new Date(r.updatedAt).getTime()
  return [...rows, ...joining].sort((a, b) => time(b) - time(a))
}
