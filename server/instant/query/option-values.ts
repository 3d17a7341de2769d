// Single `$` option values checked like the real server's coercers (instaql.clj coerce-order,
// coerce-limit!, assert-cursor!, assert-boolean!), with the same messages.

import type { Cursor } from '../model/types.ts'
import type { Form } from './forms.ts'
import { invalidQuery, isPlainObject, isUuid, jsonOf, type QueryErrorSite } from './invalid-query.ts'

/** Clojure truthiness, as `when-let` uses it: only nil and false are absent (0 and "" count). */
export const given = (x: unknown): boolean => x !== undefined && x !== null && x !== false

export function orderOf(site: QueryErrorSite, order: unknown): Form['order'] {
  if (!isPlainObject(order)) throw invalidQuery(site, 'map?', 'order must be a map.')
  const entries = Object.entries(order)
  if (entries.length > 1)
    throw invalidQuery(
      site,
      'single-key?',
      `We only support a single key in the \`order\` clause. Got ${entries.map(([k]) => k).join(',')}.`,
    )
  const [entry] = entries
  if (!entry) return undefined
  const [key, direction] = entry
  if (direction !== 'asc' && direction !== 'desc')
    throw invalidQuery(
      { root: site.root, in: [...site.in, key] },
      'valid-direction?',
      `We only support "asc" or "desc" in the \`order\` clause. Got ${jsonOf(direction)}.`,
    )
  return { key, direction }
}

export function positiveInt(site: QueryErrorSite, name: string, x: unknown): number | undefined {
  if (!given(x)) return undefined
  if (Number.isInteger(x) && (x as number) > 0) return x as number
  throw invalidQuery(
    site,
    'supported-options?',
    `The ${name} field must be a positive integer. Got ${jsonOf(x)}.`,
  )
}

export function flag(site: QueryErrorSite, x: unknown): boolean {
  if (x === undefined || x === null) return false
  if (typeof x !== 'boolean') throw invalidQuery(site, 'boolean?', `Expected a boolean, got ${jsonOf(x)}.`)
  return x
}

export function cursorOf(site: QueryErrorSite, x: unknown): Cursor {
  if (!Array.isArray(x))
    throw invalidQuery(site, 'join-row?', `Expected a join row for the cursor, got ${jsonOf(x)}.`)
  if (x.length !== 3 && x.length !== 4)
    throw invalidQuery(
      site,
      'join-row?',
      `Expected a join row with 4 items for the cursor, got ${jsonOf(x)}.`,
    )
  const [e, a, v, t] = x as [unknown, unknown, unknown, unknown]
  if (!isUuid(a))
    throw invalidQuery(
      site,
      'join-row?',
      `Expected a join row with a uuid attribute id in the second position, got ${jsonOf(a)}.`,
    )
  if (given(t) && !Number.isInteger(t))
    throw invalidQuery(
      site,
      'join-row?',
      `Expected a join row with an integer created_at in the last position, got ${jsonOf(t)}.`,
    )
  return [String(e), a, (v ?? null) as Cursor[2], (t ?? null) as number]
}
