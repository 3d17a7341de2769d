// Which attr a top-level form is ordered by, validated like the real server's page-info-of-form
// (instaql.clj): indexed, typed, cardinality one, and cursors must come from the same order.

import type { TripleStore } from '../model/triple-store.ts'
import type { Attr, CheckedDataType, Cursor, Triple } from '../model/types.ts'
import type { Form } from './forms.ts'
import { invalidQuery, type QueryErrorSite } from './invalid-query.ts'
import { comparableValue, type Direction, type SortKey } from './sort-order.ts'

export interface OrderSpec {
  /** The id attr when ordering by serverCreatedAt. */
  attr: Attr
  byCreatedAt: boolean
  direction: Direction
  dataType: CheckedDataType | undefined
}

/** A window row: its sort key and the cursor the client gets for it. */
export interface Row {
  key: SortKey
  cursor: Cursor
}

export function orderSpecOf(store: TripleStore, form: Form, etype: string): OrderSpec {
  const { key, direction } = form.order ?? { key: 'serverCreatedAt', direction: 'asc' as const }
  const byCreatedAt = key === 'serverCreatedAt'
  const at = { root: form.site.root, in: [...form.site.in, '$', 'order'] }
  const attr = byCreatedAt ? store.attrs.idAttr(etype) : store.attrs.byForward(etype, key)
  if (!attr)
    throw invalidQuery(
      at,
      'supported-order?',
      `There is no \`${byCreatedAt ? 'id' : key}\` attribute for ${etype}.`,
    )
  if (!byCreatedAt) assertOrderable(at, attr)
  for (const which of ['before', 'after'] as const) {
    const cursor = form[which]
    if (cursor && cursor[1] !== attr.id)
      throw invalidQuery(
        { root: form.site.root, in: [...form.site.in, '$', which] },
        'valid-cursor?',
        `Invalid ${which} cursor. ${wrongAttributeMessage(store, attr, cursor[1])}`,
      )
  }
  return {
    attr,
    byCreatedAt,
    direction,
    dataType: byCreatedAt ? undefined : (attr['checked-data-type'] ?? undefined),
  }
}

function assertOrderable(at: QueryErrorSite, attr: Attr) {
  const name = `${attr['forward-identity'][1]}.${attr['forward-identity'][2]}`
  const problems = [
    !attr['index?'] &&
      `The \`${name}\` attribute is not indexed. Only indexed and typed attributes can be used to order by.`,
    !attr['checked-data-type'] &&
      `The \`${name}\` attribute is not typed. Only typed and indexed attributes can be used to order by.`,
    attr.cardinality !== 'one' &&
      `The \`${name}\` attribute has cardinality \`${attr.cardinality}\`. Only attributes with cardinality \`one\` can be used to order by.`,
  ].filter((m): m is string => Boolean(m))
  if (problems.length) throw invalidQuery(at, 'supported-order?', problems.join(', '))
}

function wrongAttributeMessage(store: TripleStore, orderAttr: Attr, cursorAttrId: string): string {
  const label = (a: Attr) =>
    a['forward-identity'][2] === 'id' ? 'serverCreatedAt' : a['forward-identity'][2]
  const cursorAttr = store.attrs.byId(cursorAttrId)
  return cursorAttr
    ? `The query orders by \`${label(orderAttr)}\`, but the query that returned the cursor orders by \`${label(cursorAttr)}\`.`
    : `The query orders by \`${label(orderAttr)}\`, but the query that returned the cursor orders by a missing attribute.`
}

/**
 * The row of entity e: created-at order uses its id triple; a field uses the field's triple, or
 * [e attr null t-of-id] when e has no value (the real server's "fake row" for missing values).
 */
export function rowOf(store: TripleStore, spec: OrderSpec, e: string, idTriple: Triple): Row {
  if (spec.byCreatedAt) return { key: { e, v: idTriple[3] }, cursor: [...idTriple] }
  const triple = store.triplesOf(e, spec.attr.id)[0]
  const v = triple?.[2]
  return {
    key: { e, v: comparableValue(v, spec.dataType) },
    cursor: triple ? [...triple] : [e, spec.attr.id, null, idTriple[3]],
  }
}

/** Where a cursor sits in the order (value from the cursor, or its t for created-at order). */
export function cursorKey(spec: OrderSpec, cursor: Cursor): SortKey {
  return { e: cursor[0], v: spec.byCreatedAt ? cursor[3] : comparableValue(cursor[2], spec.dataType) }
}
