// Row order for windows and cursors: (value, eid) keys compared exactly like the client's
// instaql.ts compareOrder, so the server's window and the client's re-sort never disagree.

import type { CheckedDataType, Json } from '../model/types.ts'

export type Direction = 'asc' | 'desc'

/** A row's place in an order: its comparable value (dates and created-at as ms) and its entity id. */
export interface SortKey {
  e: string
  v: Json | undefined
}

// The client sorts strings with this collator (core/src/utils/strings.ts).
const collator = new Intl.Collator('en-US')

/** Byte order of two UUIDs, like the client's uuidCompare (hex digits sort like bytes). */
export function compareUuids(a: string, b: string): number {
  const x = a.replaceAll('-', '').toLowerCase()
  const y = b.replaceAll('-', '').toLowerCase()
  return x < y ? -1 : x > y ? 1 : 0
}

/** A value as the client compares it: dates become epoch ms (NaN when unparseable). */
export function comparableValue(v: Json | undefined, dataType: CheckedDataType | null | undefined) {
  if (dataType !== 'date' || v === null || v === undefined) return v
  return new Date(v as string | number).getTime()
}

/**
 * Ascending order with nulls first and ties broken by UUID bytes. Values of other types compare
 * with JS `>` like the client; strings use the client's collator.
 */
export function compareKeys(a: SortKey, b: SortKey, dataType: CheckedDataType | null | undefined): number {
  const va = a.v
  const vb = b.v
  if (va === vb || (va == null && vb == null)) return compareUuids(a.e, b.e)
  if (vb == null) return 1
  if (va == null) return -1
  if (dataType === 'string') {
    // The client returns 0 for collation-equal strings and keeps datalog order; we fall back to
    // the id so the server's window is at least deterministic.
    return collator.compare(String(va), String(vb)) || compareUuids(a.e, b.e)
  }
  return (va as number) > (vb as number) ? 1 : -1
}

/** compareKeys in the requested direction: desc is the exact reverse (nulls last). */
export function comparatorFor(direction: Direction, dataType: CheckedDataType | null | undefined) {
  return direction === 'asc'
    ? (a: SortKey, b: SortKey) => compareKeys(a, b, dataType)
    : (a: SortKey, b: SortKey) => compareKeys(b, a, dataType)
}
