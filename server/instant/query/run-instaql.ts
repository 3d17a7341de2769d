// Entry point of the server-side InstaQL engine: a client query in, one flat bag of triples and the
// top-level page-info out. The client rebuilds `data` from these triples with its own engine, so
// every shown entity carries its where-path triples. Reads storage only through TripleStore.

import type { TripleStore } from '../model/triple-store.ts'
import type { PageInfo, Triple } from '../model/types.ts'
import { formsOf } from './forms.ts'
import type { OrderSpec } from './order-spec.ts'
import type { MatchEnv, Solution } from './pattern-match.ts'
import { type Plan, planOf, withDescendants } from './plan.ts'
import { ChildMatcher, matchTopLevel, visibleSolutions } from './top-level.ts'
import { TripleBag } from './triple-bag.ts'
import { type CanView, type CanViewField, Visibility } from './visibility.ts'
import { addWhereEvidence } from './where-evidence.ts'

export interface QueryContext {
  store: TripleStore
  /** Permission hook (perms arrive in a later issue): return false to hide an entity. Default: all visible. */
  canView?: CanView
  /** `fields` rules: return false to hide one attribute of an entity. Default: all visible. */
  canViewField?: CanViewField
}

export interface QueryResult {
  triples: Triple[]
  pageInfo: Record<string, PageInfo>
}

/**
 * Runs q (exactly as sent in add-query) and returns the triples to send plus page-info for each
 * paginated top-level etype. Throws InstantError (validation-failed) for queries the real server
 * rejects; unknown etypes and attrs give empty results instead, like the real server.
 */
export function runInstaql(ctx: QueryContext, q: Record<string, unknown>): QueryResult {
  // Validate everything before reading anything, like the server's single compiled query.
  const plans = formsOf(ctx.store.attrs, q)
    .map((form) => planOf(ctx.store, form))
    .filter((p): p is Plan => p !== undefined)
  const run = new Run(ctx)
  const pageInfo: Record<string, PageInfo> = {}
  for (const plan of plans) {
    const info = run.topLevel(plan)
    if (info) pageInfo[plan.form.label] = info
  }
  // The client runs every form over the one store built from everything we send; these two passes
  // keep entities sent for one purpose from leaking into another form's result.
  addWhereEvidence(ctx.store, run.bag, run.visibility, plans.flatMap(withDescendants), (p) =>
    run.shownBy.get(p),
  )
  for (const plan of plans) if (plan.order) run.addOrderValues(plan, plan.order)
  return { triples: run.bag.toArray(), pageInfo }
}

/** One query run: the triple bag, visibility and per-plan memos. */
class Run {
  readonly bag: TripleBag
  readonly visibility: Visibility
  /** Entities each plan has shown (emitted with their triples and children). */
  readonly shownBy = new Map<Plan, Set<string>>()
  private readonly store: TripleStore
  private readonly env: MatchEnv
  private readonly children: ChildMatcher

  constructor(ctx: QueryContext) {
    this.store = ctx.store
    this.visibility = new Visibility(ctx.store.attrs, ctx.canView, ctx.canViewField)
    this.env = { store: ctx.store, isVisible: (t) => this.visibility.triple(t) }
    this.bag = new TripleBag(this.env.isVisible)
    this.children = new ChildMatcher(this.env)
  }

  topLevel(plan: Plan): PageInfo | undefined {
    const { matches, page } = matchTopLevel(this.store, this.env, this.visibility, plan)
    if (!page) {
      for (const [e, found] of matches) this.emit(plan, e, found)
      return undefined
    }
    for (const row of page.rows) {
      // The order triple is part of the real server's row too (its page pattern).
      if (this.emit(plan, row.key.e, matches.get(row.key.e) ?? []) && plan.order) {
        this.bag.addAll(this.store.triplesOf(row.key.e, plan.order.attr.id))
      }
    }
    return page.info
  }

  /**
   * The client sorts every entity of a paged etype that it holds, including ones sent only as
   * children or path ends. Without their order value it would sort them as null and let them into
   * the page, so each one also gets its order triple.
   */
  addOrderValues(plan: Plan, order: OrderSpec): void {
    if (order.byCreatedAt) return
    const sent = this.bag.toArray().filter((t) => t[1] === plan.idAttr.id)
    for (const [e] of sent) this.bag.addAll(this.store.triplesOf(e, order.attr.id))
  }

  /** Sends e with the visible solutions that matched it, then (once) its own triples and children. */
  private emit(plan: Plan, e: string, found: readonly Solution[]): boolean {
    const kept = visibleSolutions(found, this.visibility)
    if (kept.length === 0) return false
    for (const s of kept) this.bag.addAll(s.proof)
    const shown = memoOf(this.shownBy, plan, () => new Set<string>())
    if (shown.has(e)) return true
    shown.add(e)
    for (const t of this.store.triplesOf(e)) if (plan.sendAttrs.has(t[1])) this.bag.add(t)
    if (plan.childOrderAttr) this.bag.addAll(this.store.triplesOf(e, plan.childOrderAttr.id))
    for (const child of plan.children) this.emitChildren(child, e)
    return true
  }

  /** Children get only their where and fields here: limits and order are the client's job. */
  private emitChildren(plan: Plan, parent: string): void {
    for (const { child, found } of this.children.linked(plan, parent)) this.emit(plan, child, found)
  }
}

function memoOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key)
  if (v === undefined) {
    v = make()
    map.set(key, v)
  }
  return v
}
