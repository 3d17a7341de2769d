// Reads the client's InstaQL object into a tree of forms and rejects malformed options the way the
// real server's coerce-option-map! does (instaql.clj). Knows attrs only to name each child's etype.

import type { AttrIndex } from '../model/triple-store.ts'
import { invalidQuery, isPlainObject, jsonOf, type QueryErrorSite } from './invalid-query.ts'
import { cursorOf, flag, given, orderOf, positiveInt } from './option-values.ts'
import type { PageOptions } from './page-window.ts'
import type { Direction } from './sort-order.ts'

/** A form's window options (PageOptions: limit — from limit, first or last, at most one — offset, cursors). */
export interface Form extends PageOptions {
  /** The key in the query: the etype at the top level, a link label below it. */
  label: string
  /** undefined when a child label names no link: such a form yields nothing (client: AttrNotFound). */
  etype: string | undefined
  level: number
  site: QueryErrorSite
  where?: Record<string, unknown>
  order?: { key: string; direction: Direction }
  fields?: string[]
  /** Any of limit/first/last/offset/after/before/order: the real server then pages and sends page-info. */
  paginated: boolean
  children: Form[]
}

const optionKeys = new Set([
  'where',
  'order',
  'limit',
  'first',
  'last',
  'offset',
  'after',
  'afterInclusive',
  'before',
  'beforeInclusive',
  'aggregate',
  'fields',
])

/** Top-level forms of q, validated as a whole before anything runs (as the server does). */
export function formsOf(attrs: AttrIndex, q: unknown): Form[] {
  const root = q
  if (!isPlainObject(q)) throw invalidQuery({ root, in: [] }, 'map?', 'The query must be an object.')
  return Object.entries(q)
    .filter(([k]) => k !== '$$ruleParams')
    .map(([k, v]) => formOf(attrs, root, [k], k, k, 0, v))
}

function formOf(
  attrs: AttrIndex,
  root: unknown,
  path: string[],
  label: string,
  etype: string | undefined,
  level: number,
  body: unknown,
): Form {
  const site = { root, in: path }
  if (!isPlainObject(body)) throw invalidQuery(site, 'map?', `Expected an object at \`${path.join('.')}\`.`)
  const form = optionsOf(site, body.$ ?? {}, label, etype, level)
  for (const [childLabel, childBody] of Object.entries(body)) {
    if (childLabel === '$') continue
    const childEtype = etype === undefined ? undefined : linkedEtype(attrs, etype, childLabel, site)
    form.children.push(
      formOf(attrs, root, [...path, childLabel], childLabel, childEtype, level + 1, childBody),
    )
  }
  return form
}

/** The etype on the other side of a link label, like the server's link-etype. */
function linkedEtype(
  attrs: AttrIndex,
  etype: string,
  label: string,
  site: QueryErrorSite,
): string | undefined {
  const fwd = attrs.byForward(etype, label)
  const attr = fwd ?? attrs.byReverse(etype, label)
  if (!attr) return undefined
  // Matches Instant: a data attr used as a nested form is an error, not an empty result.
  if (attr['value-type'] !== 'ref') throw invalidQuery(site, 'link?', `${etype}.${label} needs to be a link`)
  return fwd ? attr['reverse-identity']?.[1] : attr['forward-identity'][1]
}

function optionsOf(
  site: QueryErrorSite,
  opts: unknown,
  label: string,
  etype: string | undefined,
  level: number,
): Form {
  const dollar = { root: site.root, in: [...site.in, '$'] }
  if (!isPlainObject(opts)) throw invalidQuery(dollar, 'map?', 'The `$` options must be an object.')
  const at = (k: string): QueryErrorSite => ({ root: site.root, in: [...dollar.in, k] })
  const where = given(opts.where) ? opts.where : undefined
  if (where !== undefined && !isPlainObject(where))
    throw invalidQuery(at('where'), 'map?', 'where must be a map.')
  const order = given(opts.order) ? orderOf(at('order'), opts.order) : undefined
  const limit = positiveInt(at('limit'), 'limit', opts.limit)
  const first = positiveInt(at('first'), 'first', opts.first)
  const last = positiveInt(at('last'), 'last', opts.last)
  const offset = given(opts.offset) ? opts.offset : undefined
  if (offset !== undefined && !(Number.isInteger(offset) && (offset as number) >= 0))
    throw invalidQuery(
      at('offset'),
      'supported-options?',
      `The offset field must be a non-negative integer. Got ${jsonOf(offset)}.`,
    )
  const after = given(opts.after) ? cursorOf(at('after'), opts.after) : undefined
  const before = given(opts.before) ? cursorOf(at('before'), opts.before) : undefined
  const afterInclusive = flag(at('afterInclusive'), opts.afterInclusive)
  const beforeInclusive = flag(at('beforeInclusive'), opts.beforeInclusive)
  if (given(opts.aggregate))
    throw invalidQuery(
      at('aggregate'),
      'admin?',
      'Aggregates are currently only available for admin queries.',
    )
  const fields = opts.fields ?? undefined
  if (fields !== undefined && !(Array.isArray(fields) && fields.every((f) => typeof f === 'string')))
    throw invalidQuery(at('fields'), 'array?', 'The `fields` property should be an array of field names.')
  if (Object.keys(opts).some((k) => !optionKeys.has(k)))
    throw invalidQuery(
      dollar,
      'supported-options?',
      'We only support `where`, `order`, `limit`, `offset`, `before`, and `after` clauses.',
    )
  if (level > 0 && (offset !== undefined || after || before))
    throw invalidQuery(
      dollar,
      'supported-options?',
      'We currently only support `offset`, `before`, and `after` clauses on the top-level field. Limit fields will be ignored',
    )
  const limits = [limit && '`limit`', first && '`first`', last && '`last`'].filter(Boolean)
  if (limits.length > 1)
    throw invalidQuery(dollar, 'supported-options?', `Only provide one of ${limits.join(' or ')}.`)
  return {
    label,
    etype,
    level,
    site,
    ...(where && { where }),
    ...(order && { order }),
    ...((limit ?? first ?? last) !== undefined && { limit: limit ?? first ?? last }),
    last: last !== undefined,
    ...(offset !== undefined && { offset: offset as number }),
    ...(after && { after }),
    afterInclusive,
    ...(before && { before }),
    beforeInclusive,
    ...(fields && { fields: fields as string[] }),
    paginated: [limit, first, last, offset, after, before, order].some((x) => x !== undefined),
    children: [],
  }
}
