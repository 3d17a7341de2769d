// The page of a top-level form read from candidates already in order: seek the cursors by binary
// search, test candidates one by one from the window's edge and stop once the page and its
// page-info are known. Gives exactly what selectWindow (page-window.ts) gives over every match.

import type { OrderKey } from '../model/triple-store.ts'
import { cursorKey, type OrderSpec } from './order-spec.ts'
import type { PageOptions } from './page-window.ts'
import { comparatorFor, type SortKey } from './sort-order.ts'

export interface WalkedWindow {
  /** The page's keys in the requested direction. */
  keys: SortKey[]
  hasNextPage: boolean
  hasPreviousPage: boolean
}

/**
 * ascending: every candidate, sorted ascending by compareKeys (the store's ordered group).
 * isMatch: whether a candidate satisfies the form's where; called at most once per candidate
 * visited, and only near the window, so the cost is the page (plus skipped non-matches and offset).
 */
export function walkWindow(
  ascending: readonly OrderKey[],
  spec: OrderSpec,
  opts: PageOptions,
  isMatch: (e: string) => boolean,
): WalkedWindow {
  const n = ascending.length
  // Positions run in the requested direction; desc reads the ascending group from its end.
  const at = spec.direction === 'asc' ? (i: number) => ascending[i]! : (i: number) => ascending[n - 1 - i]!
  const cmp = comparatorFor(spec.direction, spec.dataType)
  const seen = new Map<number, boolean>()
  const matches = (i: number) => {
    let m = seen.get(i)
    if (m === undefined) {
      m = isMatch(at(i).e)
      seen.set(i, m)
    }
    return m
  }

  // The cursors bound a contiguous run [start, end) of positions.
  let start = 0
  let end = n
  if (opts.after) {
    const c = cursorKey(spec, opts.after)
    start = firstPosition(n, (i) => (opts.afterInclusive ? cmp(at(i), c) >= 0 : cmp(at(i), c) > 0))
  }
  if (opts.before) {
    const c = cursorKey(spec, opts.before)
    end = firstPosition(n, (i) => (opts.beforeInclusive ? cmp(at(i), c) > 0 : cmp(at(i), c) >= 0))
  }
  end = Math.max(start, end)

  // `last` fetches from the far end of the run; offset and limit count matches only.
  const step = opts.last ? -1 : 1
  const stop = opts.last ? start - 1 : end
  let skip = opts.offset ?? 0
  const taken: number[] = []
  let overfetched = false
  for (let i = opts.last ? end - 1 : start; i !== stop; i += step) {
    if (!matches(i)) continue
    if (skip > 0) {
      skip--
      continue
    }
    if (opts.limit !== undefined && taken.length >= opts.limit) {
      overfetched = true
      break
    }
    taken.push(i)
  }
  if (opts.last) taken.reverse()
  const first = taken[0]
  const lastRow = taken[taken.length - 1]
  // "Any matching row beyond this one" over all candidates, regardless of cursors and offset: keys
  // are distinct (ties broken by id), so "beyond in order" is "beyond in position".
  const anyMatch = (from: number, to: number, by: number) => {
    for (let i = from; i !== to; i += by) if (matches(i)) return true
    return false
  }
  const existsAfter = (p: number | undefined) => p !== undefined && anyMatch(p + 1, n, 1)
  const existsBefore = (p: number | undefined) => p !== undefined && anyMatch(p - 1, -1, -1)

  // The same case analysis as selectWindow (the real server's add-page-info).
  let hasNextPage: boolean
  if (opts.limit === undefined && !opts.before) hasNextPage = false
  else if (opts.limit !== undefined && !opts.before && !opts.last) hasNextPage = overfetched
  else hasNextPage = existsAfter(lastRow)

  let hasPreviousPage: boolean
  if (!opts.after && !opts.offset && !opts.last) hasPreviousPage = false
  else if (opts.last && opts.limit !== undefined && !opts.after) hasPreviousPage = overfetched
  else hasPreviousPage = existsBefore(first)
  if (taken.length === 0 && ((opts.offset ?? 0) > 0 || opts.after !== undefined)) hasPreviousPage = true

  return { keys: taken.map(at), hasNextPage, hasPreviousPage }
}

/** The first position in [0, n) where isPast holds (n when none); isPast is false then true. */
function firstPosition(n: number, isPast: (i: number) => boolean): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (isPast(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}
