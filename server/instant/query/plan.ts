// Turns a form into a plan the engine can run: where compiled, order validated, the attrs to send.
// All validation happens here, before any data is read, so a bad query fails as a whole.

import type { TripleStore } from '../model/triple-store.ts'
import type { Attr } from '../model/types.ts'
import type { Form } from './forms.ts'
import { type OrderSpec, orderSpecOf } from './order-spec.ts'
import { compileWhere, idPattern, levelVar, MissingAttr, type Pattern } from './where-patterns.ts'

export interface Plan {
  form: Form
  etype: string
  idAttr: Attr
  /** The variable bound to the entity itself (?etype-level, as the client names it). */
  entityVar: string
  /** The id pattern first (the cheapest filter), then the where. */
  patterns: Pattern[]
  /** Attr ids of the entity's own triples to send (cardinality one, narrowed by `fields`). */
  sendAttrs: Set<string>
  /** Top level only: the validated order when the form is paginated. */
  order?: OrderSpec
  /** Children only: the attr the client sorts them by; sent even when `fields` omit it. */
  childOrderAttr?: Attr
  /** Children only: the link from the parent. */
  link?: { attr: Attr; forward: boolean }
  children: Plan[]
}

/**
 * The plan for form, or undefined when it can only be empty (unknown etype, link or where attr:
 * the client shows nothing and the real server sends nothing). Children are planned, and so
 * validated, even then, as the server compiles them regardless.
 */
export function planOf(store: TripleStore, form: Form, parentEtype?: string): Plan | undefined {
  const children = form.children
    .map((child) => planOf(store, child, form.etype))
    .filter((p): p is Plan => p !== undefined)
  const attrs = store.attrs
  const etype = form.etype
  const idAttr = etype === undefined ? undefined : attrs.idAttr(etype)
  if (etype === undefined || !idAttr) return undefined
  const entityVar = levelVar(etype, form.level)
  let where: Pattern[] = []
  try {
    const site = { root: form.site.root, in: [...form.site.in, '$', 'where'] }
    if (form.where) where = compileWhere(attrs, site, etype, form.level, form.where)
  } catch (err) {
    if (err instanceof MissingAttr) return undefined
    throw err
  }
  // Like the server's etype-attr-ids: every cardinality-one attr, or the named fields plus id.
  const fields = form.fields && new Set([...form.fields, 'id'])
  const sendAttrs = new Set(
    attrs
      .ofEtype(etype)
      .filter((a) => a.cardinality === 'one' && (!fields || fields.has(a['forward-identity'][2])))
      .map((a) => a.id),
  )
  const plan: Plan = {
    form,
    etype,
    idAttr,
    entityVar,
    patterns: [idPattern(idAttr, entityVar), ...where],
    sendAttrs,
    children,
  }
  if (parentEtype === undefined) {
    // The real server only orders and pages top-level forms (page-info-of-form, level 0).
    if (form.paginated) plan.order = orderSpecOf(store, form, etype)
    return plan
  }
  const fwd = attrs.byForward(parentEtype, form.label)
  const linkAttr = fwd ?? attrs.byReverse(parentEtype, form.label)
  if (!linkAttr) return undefined
  plan.link = { attr: linkAttr, forward: Boolean(fwd) }
  const key = form.order?.key
  const orderAttr = key && key !== 'serverCreatedAt' ? attrs.byForward(etype, key) : undefined
  if (orderAttr) plan.childOrderAttr = orderAttr
  return plan
}

/** The plan and every plan nested under it. */
export function withDescendants(plan: Plan): Plan[] {
  return [plan, ...plan.children.flatMap(withDescendants)]
}
