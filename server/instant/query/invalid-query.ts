// The one shape of a rejected query, worded like the real server's `throw-validation-err! :query`
// ("Validation failed for query: <message>", hint {data-type, input, errors}).

import { type InstantError, validationFailed } from '../errors.ts'

export interface QueryErrorSite {
  /** The whole query as the client sent it (echoed in the hint, as the real server does). */
  root: unknown
  /** Where in the query the problem sits, e.g. ['messages', '$', 'order']. */
  in: readonly (string | number)[]
}

export function invalidQuery(site: QueryErrorSite, expected: string, message: string): InstantError {
  return validationFailed(`Validation failed for query: ${message}`, {
    'data-type': 'query',
    input: site.root,
    errors: [{ expected, in: [...site.in], message }],
  })
}

/** JSON for error messages; undefined reads as null like on the wire. */
export function jsonOf(x: unknown): string {
  return JSON.stringify(x) ?? 'null'
}

/** JSON type names as the real server reports them (`json-type-of-clj`). */
export function jsonTypeOf(x: unknown): string {
  if (x === null || x === undefined) return 'null'
  if (Array.isArray(x)) return 'array'
  return typeof x === 'object' ? 'object' : typeof x
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(x: unknown): x is string {
  return typeof x === 'string' && uuidPattern.test(x)
}
