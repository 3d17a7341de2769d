// What a where value matches, mirroring the client's instaql.ts parseValue and store.ts
// triplesByValue, because the client re-filters whatever the server sends with exactly these rules.

import type { Attr, Json } from '../model/types.ts'
import { isPlainObject } from './invalid-query.ts'

/** A test on the value of a triple (the value position of a pattern). */
export interface ValueTest {
  test: (v: Json) => boolean
}

/** A pattern component: a variable, or a constant matched with ===. */
export type Term = { var: string } | { value: unknown }

const never: ValueTest = { test: () => false }

const comparisons = {
  $gt: (a: number, b: number) => a > b,
  $gte: (a: number, b: number) => a >= b,
  $lt: (a: number, b: number) => a < b,
  $lte: (a: number, b: number) => a <= b,
} as const

/**
 * The match for the value side of a forward attr. Plain values compare with ===. Operator maps
 * follow the client's precedence, not the server's first-key rule: $in/in (but $not beats $in),
 * then $gt, $gte, $lt, $lte, $like, $ilike, then $not. Anything else matches nothing.
 */
export function valueMatchOf(attr: Attr, v: unknown): Term | ValueTest {
  if (typeof v !== 'object' || v === null) return { value: v }
  // Arrays and other non-operator objects never equal a stored value (Map keys by identity).
  if (!isPlainObject(v)) return never
  const has = (k: string) => Object.hasOwn(v, k)
  if (has('$in') || has('in')) {
    if (has('$not')) return notEqual(v.$not)
    const list = v.in || v.$in
    return Array.isArray(list) ? { test: (x) => list.includes(x) } : never
  }
  const isDate = attr['checked-data-type'] === 'date'
  for (const op of ['$gt', '$gte', '$lt', '$lte'] as const) {
    if (has(op)) return comparison(comparisons[op], v[op], isDate)
  }
  if (has('$like')) return like(v.$like, true)
  if (has('$ilike')) return like(v.$ilike, false)
  if (has('$not')) return notEqual(v.$not)
  return never
}

function notEqual(x: unknown): ValueTest {
  return { test: (v) => v !== x }
}

function comparison(cmp: (a: number, b: number) => boolean, bound: unknown, isDate: boolean): ValueTest {
  if (isDate) {
    // The client compares `new Date(v)` objects, so null is the epoch and bad dates never match.
    const b = new Date(bound as number).getTime()
    return { test: (v) => cmp(new Date(v as number).getTime(), b) }
  }
  // JS relational comparison on the raw values, as the client does (strings compare by code unit).
  return { test: (v) => cmp(v as unknown as number, bound as number) }
}

/** SQL LIKE: % is any run, _ any one char; dotall like Postgres; no escapes, like the client. */
function like(pattern: unknown, caseSensitive: boolean): ValueTest {
  if (typeof pattern !== 'string') return never
  let source = ''
  for (const ch of pattern) {
    source += ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  }
  // No `u` flag on purpose: the client's regex has none, so `_` matches one UTF-16 unit.
  const regex = new RegExp(`^${source}$`, caseSensitive ? 's' : 'is')
  return { test: (v) => typeof v === 'string' && regex.test(v) }
}
