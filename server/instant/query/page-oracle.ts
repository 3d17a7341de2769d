// Test helper: an independent, brute-force statement of the ordering and paging rules (sort all
// matches by (value, id), slice by cursors, offset and limit/last; page-info per datalog.clj
// add-page-info). Written apart from the engine so the differential test checks one against the other.

import type { Attr, Cursor, Json, PageInfo, Triple } from '../model/types.ts'

const collator = new Intl.Collator('en-US')
const hexOf = (id: string) => id.replaceAll('-', '')

export interface Expected {
  ids: string[]
  info: PageInfo
}

export interface PageQuestion {
  attrs: readonly Attr[]
  triples: readonly Triple[]
  etype: string
  order?: Record<string, 'asc' | 'desc'> | undefined
  /** The `$` pagination options: limit/first/last/offset/after(Inclusive)/before(Inclusive). */
  options: Record<string, unknown>
  /** Ids of every entity matching the where, in any order. */
  matching: readonly string[]
}

/** The page and page-info a correct server returns, by sorting everything and slicing. */
export function expectedPage({ attrs, triples, etype, order, options, matching }: PageQuestion): Expected {
  const find = (label: string) =>
    attrs.find((a) => a['forward-identity'][1] === etype && a['forward-identity'][2] === label) as Attr
  const [[orderKey, dir] = ['serverCreatedAt', 'asc']] = Object.entries(order ?? {})
  const byCreated = orderKey === 'serverCreatedAt'
  const attr = find(byCreated ? 'id' : orderKey)
  const type = attr['checked-data-type']
  const tripleOf = (e: string, a: string) => triples.find((t) => t[0] === e && t[1] === a)
  const norm = (v: Json | undefined) => (type === 'date' && v != null ? new Date(v as string).getTime() : v)
  const rowOf = (e: string) => {
    const idT = tripleOf(e, find('id').id) as Triple
    const t = byCreated ? idT : tripleOf(e, attr.id)
    const cursor: Cursor = t ? [...t] : [e, attr.id, null, idT[3]]
    return { e, v: byCreated ? idT[3] : norm(t?.[2]), cursor }
  }
  const asc = (a: { e: string; v: Json | undefined }, b: { e: string; v: Json | undefined }) => {
    const tie = hexOf(a.e) < hexOf(b.e) ? -1 : 1
    if (a.e === b.e) return 0
    if (a.v == null && b.v == null) return tie
    if (a.v == null) return -1
    if (b.v == null) return 1
    if (typeof a.v === 'string' && typeof b.v === 'string') return collator.compare(a.v, b.v) || tie
    return a.v < b.v ? -1 : a.v > b.v ? 1 : tie
  }
  const cmp = (a: { e: string; v: Json | undefined }, b: { e: string; v: Json | undefined }) =>
    dir === 'asc' ? asc(a, b) : asc(b, a)
  const keyOfCursor = (c: Cursor) => ({ e: c[0], v: byCreated ? c[3] : norm(c[2]) })

  const all = matching.map(rowOf).sort(cmp)
  let rows = all
  const after = options.after as Cursor | undefined
  const before = options.before as Cursor | undefined
  if (after)
    rows = rows.filter((r) =>
      options.afterInclusive ? cmp(r, keyOfCursor(after)) >= 0 : cmp(r, keyOfCursor(after)) > 0,
    )
  if (before)
    rows = rows.filter((r) =>
      options.beforeInclusive ? cmp(r, keyOfCursor(before)) <= 0 : cmp(r, keyOfCursor(before)) < 0,
    )
  const last = options.last as number | undefined
  const limit = (options.limit ?? options.first ?? last) as number | undefined
  const offset = (options.offset as number | undefined) ?? 0
  const fetched = last ? [...rows].reverse() : rows
  const rest = fetched.slice(offset)
  let page = limit === undefined ? rest : rest.slice(0, limit)
  if (last) page = [...page].reverse()
  const more = limit !== undefined && rest.length > limit
  const first = page[0]
  const end = page[page.length - 1]
  const hasNext =
    limit === undefined && !before
      ? false
      : limit !== undefined && !before && !last
        ? more
        : end !== undefined && all.some((r) => cmp(r, end) > 0)
  const hasPrev =
    (!after && !offset && !last
      ? false
      : last && !after
        ? more
        : first !== undefined && all.some((r) => cmp(r, first) < 0)) ||
    (page.length === 0 && (offset > 0 || after !== undefined))
  return {
    ids: page.map((r) => r.e),
    info: {
      'start-cursor': first?.cursor ?? null,
      'end-cursor': end?.cursor ?? null,
      'has-next-page?': hasNext,
      'has-previous-page?': hasPrev,
    },
  }
}
