// The admin SDK's result shape: a query in, the object tree `db.query(q)` resolves to out, as the
// real server's instaql-nodes->object-tree builds it (util/instaql.clj), plus the top-level
// page-info for subscribe-query's result-meta. Same entities, validation and canView as runInstaql.

import type { AttrIndex, TripleStore } from '../model/triple-store.ts'
import type { PageInfo } from '../model/types.ts'
import { formsOf } from './forms.ts'
import type { MatchEnv } from './pattern-match.ts'
import { type Plan, planOf } from './plan.ts'
import type { QueryContext } from './run-instaql.ts'
import { comparableValue, comparatorFor, type SortKey } from './sort-order.ts'
import { ChildMatcher, idTriple, matchTopLevel, visibleSolutions } from './top-level.ts'
import { Visibility } from './visibility.ts'

export interface TreeResult {
  /** Per top-level label, its entities in order; each is its attrs by label plus children by label. */
  data: Record<string, unknown[]>
  /** Per paginated top-level label, exactly the page-info runInstaql gives. */
  pageInfo: Record<string, PageInfo>
}

type Entity = Record<string, unknown>

/**
 * Runs q (exactly as the admin SDK sends it) and returns its object tree. Matches the real server:
 * children are filtered by their where and sorted by their order, but their limit/first/last are
 * ignored ("limit is only supported for top-level namespaces", instaql docs); every
 * cardinality-one attr is a key, so a has-one link without a child form shows its target's id.
 * With inference, a link that is singular (forward: cardinality one; reverse: unique?) is one
 * object, or null when there is none. Throws the same InstantError (validation-failed) as
 * runInstaql. Attr values are shared with the store: treat the tree as read-only.
 */
export function runInstaqlTree(
  ctx: QueryContext,
  q: Record<string, unknown>,
  opts: { inference: boolean },
): TreeResult {
  const forms = formsOf(ctx.store.attrs, q)
  // Plan (and so validate) every form before reading anything.
  const plans = forms.map((form) => planOf(ctx.store, form))
  const run = new TreeRun(ctx, opts.inference)
  const data: Record<string, unknown[]> = {}
  const pageInfo: Record<string, PageInfo> = {}
  forms.forEach((form, i) => {
    const plan = plans[i]
    if (!plan) {
      // Unknown etype or where attr: the real server has no rows, the client AttrNotFound.
      data[form.label] = []
      return
    }
    const { entities, info } = run.topLevel(plan)
    data[form.label] = entities
    if (info) pageInfo[form.label] = info
  })
  return { data, pageInfo }
}

class TreeRun {
  private readonly store: TripleStore
  private readonly visibility: Visibility
  private readonly env: MatchEnv
  private readonly children: ChildMatcher

  constructor(
    ctx: QueryContext,
    private readonly inference: boolean,
  ) {
    this.store = ctx.store
    this.visibility = new Visibility(ctx.store.attrs, ctx.canView, ctx.canViewField)
    this.env = { store: ctx.store, isVisible: (t) => this.visibility.triple(t) }
    this.children = new ChildMatcher(this.env)
  }

  topLevel(plan: Plan): { entities: Entity[]; info?: PageInfo } {
    const { matches, page } = matchTopLevel(this.store, this.env, this.visibility, plan)
    const shown = (e: string) => visibleSolutions(matches.get(e) ?? [], this.visibility).length > 0
    const ids = page
      ? page.rows.map((r) => r.key.e).filter(shown)
      : this.sorted(plan, [...matches.keys()].filter(shown))
    return { entities: ids.map((e) => this.objectOf(plan, e)), ...(page && { info: page.info }) }
  }

  /** e's cardinality-one attrs (narrowed by fields), then each child form under its label. */
  private objectOf(plan: Plan, e: string): Entity {
    const obj: Entity = {}
    for (const t of this.store.triplesOf(e)) {
      const label = plan.sendAttrs.has(t[1]) && this.store.attrs.byId(t[1])?.['forward-identity'][2]
      if (label && this.visibility.triple(t)) obj[label] = t[2]
    }
    for (const form of plan.form.children) {
      const child = plan.children.find((p) => p.form === form)
      const entries = child ? this.childrenOf(child, e) : []
      const singular = this.inference && isSingular(this.store.attrs, plan.etype, form.label)
      obj[form.label] = singular ? (entries[0] ?? null) : entries
    }
    return obj
  }

  private childrenOf(plan: Plan, parent: string): Entity[] {
    const shown = new Set<string>()
    for (const { child, found } of this.children.linked(plan, parent)) {
      if (visibleSolutions(found, this.visibility).length) shown.add(child)
    }
    return this.sorted(plan, [...shown]).map((e) => this.objectOf(plan, e))
  }

  /**
   * ids in the form's order: serverCreatedAt unless a child orders by one of its attrs, ties by id.
   * Values compare as the client compares them (instaql.ts compareOrder), not with Clojure's
   * compare, so strings follow the client's collator.
   */
  private sorted(plan: Plan, ids: string[]): string[] {
    // Ordering a child by `id` is by serverCreatedAt in the client too (its [id, t] rows).
    const attr = plan.childOrderAttr?.['forward-identity'][2] === 'id' ? undefined : plan.childOrderAttr
    const dataType = attr ? (attr['checked-data-type'] ?? undefined) : undefined
    const keys: SortKey[] = ids.map((e) => ({
      e,
      v: attr
        ? comparableValue(this.store.triplesOf(e, attr.id)[0]?.[2], dataType)
        : idTriple(this.store, plan, e)[3],
    }))
    keys.sort(comparatorFor(plan.form.order?.direction ?? 'asc', dataType))
    return keys.map((k) => k.e)
  }
}

/** Matches Instant's singular-entry?: forward links by cardinality, reverse links by unique?. */
function isSingular(attrs: AttrIndex, etype: string, label: string): boolean {
  const forward = attrs.byForward(etype, label)
  if (forward) return forward.cardinality === 'one'
  return attrs.byReverse(etype, label)?.['unique?'] === true
}
