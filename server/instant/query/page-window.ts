// The exact page of a top-level form: cursors, offset, limit/last, and has-next/has-previous
// computed as the real server's add-page-info does (datalog.clj), ignoring permissions.

import type { Cursor } from '../model/types.ts'
import { cursorKey, type OrderSpec, type Row } from './order-spec.ts'
import { comparatorFor } from './sort-order.ts'

export interface PageOptions {
  limit?: number
  last: boolean
  offset?: number
  after?: Cursor
  afterInclusive: boolean
  before?: Cursor
  beforeInclusive: boolean
}

export interface PageWindow {
  /** The page's rows in the requested direction. */
  rows: Row[]
  hasNextPage: boolean
  hasPreviousPage: boolean
}

/** Picks the page out of every matching row (any order). */
export function selectWindow(all: readonly Row[], spec: OrderSpec, opts: PageOptions): PageWindow {
  const cmp = comparatorFor(spec.direction, spec.dataType)
  const sorted = [...all].sort((a, b) => cmp(a.key, b.key))
  let bounded = sorted
  if (opts.after) {
    const at = cursorKey(spec, opts.after)
    bounded = bounded.filter((r) => (opts.afterInclusive ? cmp(r.key, at) >= 0 : cmp(r.key, at) > 0))
  }
  if (opts.before) {
    const at = cursorKey(spec, opts.before)
    bounded = bounded.filter((r) => (opts.beforeInclusive ? cmp(r.key, at) <= 0 : cmp(r.key, at) < 0))
  }
  // `last` fetches from the far end: reverse, skip and take, then restore the requested order.
  const fetched = opts.last ? [...bounded].reverse() : bounded
  const skipped = opts.offset ? fetched.slice(opts.offset) : fetched
  const taken = opts.limit === undefined ? skipped : skipped.slice(0, opts.limit)
  const overfetched = opts.limit !== undefined && skipped.length > opts.limit
  const rows = opts.last ? [...taken].reverse() : taken
  const first = rows[0]
  const lastRow = rows[rows.length - 1]
  // "Any matching row beyond this one", looking at all matches regardless of cursors and offset.
  const existsAfter = (r: Row | undefined) => r !== undefined && sorted.some((x) => cmp(x.key, r.key) > 0)
  const existsBefore = (r: Row | undefined) => r !== undefined && sorted.some((x) => cmp(x.key, r.key) < 0)

  let hasNextPage: boolean
  if (opts.limit === undefined && !opts.before) hasNextPage = false
  else if (opts.limit !== undefined && !opts.before && !opts.last) hasNextPage = overfetched
  else hasNextPage = existsAfter(lastRow)

  let hasPreviousPage: boolean
  if (!opts.after && !opts.offset && !opts.last) hasPreviousPage = false
  else if (opts.last && opts.limit !== undefined && !opts.after) hasPreviousPage = overfetched
  else hasPreviousPage = existsBefore(first)
  // The server also reports a previous page when an offset or after-cursor page comes back empty.
  if (rows.length === 0 && ((opts.offset ?? 0) > 0 || opts.after !== undefined)) hasPreviousPage = true

  return { rows, hasNextPage, hasPreviousPage }
}
