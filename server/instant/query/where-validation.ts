// Rejects where values the real server rejects (instaql.clj ::where-v spec, attr_pat.clj
// ->value-attr-pat): bad shapes, non-uuid links, comparisons on unindexed or untyped attrs, wrong types.

import type { Attr } from '../model/types.ts'
import {
  invalidQuery,
  isPlainObject,
  isUuid,
  jsonOf,
  jsonTypeOf,
  type QueryErrorSite,
} from './invalid-query.ts'

const operators = new Set([
  'in',
  '$in',
  '$not',
  '$ne',
  '$isNull',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$like',
  '$ilike',
  '$entityIdStartsWith',
])
const comparators = new Set(['$gt', '$gte', '$lt', '$lte', '$like', '$ilike'])
// The server refuses relative date words because client and server could not agree on them.
const relativeDates = new Set(['tomorrow', 'now', 'yesterday', 'today'])

const isScalar = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'

/** The shape check every where value passes before attrs are looked at (the ::where-v spec). */
export function assertWhereShape(site: QueryErrorSite, key: string, v: unknown): void {
  const bad = () =>
    invalidQuery(site, 'valid-where-value?', `Invalid where value for \`${key}\`: ${jsonOf(v)}.`)
  if (isScalar(v)) return
  if (!isPlainObject(v) || Object.keys(v).length === 0) throw bad()
  for (const [op, arg] of Object.entries(v)) {
    if (!operators.has(op)) throw bad()
    const ok =
      op === 'in' || op === '$in'
        ? Array.isArray(arg) && arg.every((x) => x === null || isScalar(x))
        : op === '$isNull'
          ? typeof arg === 'boolean'
          : op === '$entityIdStartsWith'
            ? typeof arg === 'string'
            : isScalar(arg)
    if (!ok) throw bad()
  }
}

/**
 * Attr-dependent checks. Like the server, only the first operator of a map is looked at
 * ($ne already renamed to $not by the caller); $isNull never reaches here.
 */
export function assertWhereValue(site: QueryErrorSite, attr: Attr, label: string, v: unknown): void {
  const [op, arg] = isPlainObject(v) ? (Object.entries(v)[0] ?? ['', undefined]) : ['', v]
  const name = `${attr['forward-identity'][1]}.${attr['forward-identity'][2]}`
  if (attr['value-type'] === 'ref') {
    assertUuids(site, label, op, arg, v)
    return
  }
  if (comparators.has(op)) {
    assertComparable(site, attr, name, op, arg)
    return
  }
  const type = attr['checked-data-type']
  const isIn = op === 'in' || op === '$in'
  const values = isIn ? (arg as unknown[]) : [arg]
  if (type) for (const x of values) assertTyped(site, name, type, x)
  if (isIn && values.includes(null) && !attr['index?'])
    throw invalidQuery(
      site,
      'indexed?',
      `Only indexed attrs can check for \`nil\` in \`$in\`. ${name} is not indexed.`,
    )
}

function assertUuids(site: QueryErrorSite, label: string, op: string, arg: unknown, v: unknown) {
  if (op === 'in' || op === '$in') {
    for (const x of arg as unknown[]) {
      if (!isUuid(x))
        throw invalidQuery(
          site,
          'uuid?',
          `Expected ${label} to match on a uuid, found ${jsonOf(x)} in ${jsonOf(arg)}`,
        )
    }
  } else if ((op === '' || op === '$not') && isUuid(arg)) return
  else throw invalidQuery(site, 'uuid?', `Expected ${label} to be a uuid, got ${jsonOf(v)}`)
}

function assertComparable(site: QueryErrorSite, attr: Attr, name: string, op: string, arg: unknown) {
  if (!attr['index?'])
    throw invalidQuery(
      site,
      'indexed?',
      `The \`${name}\` attribute must be indexed to use comparison operators.`,
    )
  const type = attr['checked-data-type']
  if (!type)
    throw invalidQuery(
      site,
      'checked-data-type?',
      `The \`${name}\` attribute must have an enforced type to use comparison operators.`,
    )
  if ((op === '$like' || op === '$ilike') && typeof arg !== 'string')
    throw invalidQuery(
      site,
      'string?',
      `The $like value for \`${name}\` must be a string, but the query got the value \`${jsonOf(arg)}\` of type \`${jsonTypeOf(arg)}\`.`,
    )
  if (type === 'date') return assertDate(site, name, arg)
  if (type !== 'json' && typeof arg !== type) throw wrongType(site, name, type, arg)
}

function assertTyped(site: QueryErrorSite, name: string, type: string, x: unknown) {
  if (x === null || type === 'json') return
  if (type === 'date') return assertDate(site, name, x)
  if (typeof x !== type) throw wrongType(site, name, type, x)
}

function assertDate(site: QueryErrorSite, name: string, x: unknown) {
  const ok =
    typeof x === 'number'
      ? Number.isFinite(new Date(x).getTime())
      : typeof x === 'string' && !relativeDates.has(x) && !Number.isNaN(Date.parse(x))
  if (!ok)
    throw invalidQuery(
      site,
      'date?',
      `The data type of \`${name}\` is \`date\`, but the query got value \`${jsonOf(x)}\` of type \`${jsonTypeOf(x)}\`.`,
    )
}

function wrongType(site: QueryErrorSite, name: string, type: string, x: unknown) {
  return invalidQuery(
    site,
    `${type}?`,
    `The data type of \`${name}\` is \`${type}\`, but the query got the value \`${jsonOf(x)}\` of type \`${jsonTypeOf(x)}\`.`,
  )
}
