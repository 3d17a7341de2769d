// Entry point of the server-side InstaQL engine: a client query in, one flat bag of triples and the
// top-level page-info out. The client rebuilds `data` from these triples with its own engine, so
// every shown entity carries its where-path triples. Reads storage only through TripleStore.

import type { TripleStore } from '../model/triple-store.ts'
import type { PageInfo, Triple } from '../model/types.ts'
import { formsOf } from './forms.ts'
import { type OrderSpec, rowOf } from './order-spec.ts'
import { selectWindow } from './page-window.ts'
import { type MatchEnv, type Solution, solve } from './pattern-match.ts'
import { type Plan, planOf, withDescendants } from './plan.ts'
import { candidateIds } from './top-candidates.ts'
import { TripleBag } from './triple-bag.ts'
import { type CanView, Visibility } from './visibility.ts'
import { addWhereEvidence } from './where-evidence.ts'

export interface QueryContext {
  store: TripleStore
  /** Permission hook (perms arrive in a later issue): return false to hide an entity. Default: all visible. */
  canView?: CanView
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
  readonly bag = new TripleBag()
  readonly visibility: Visibility
  /** Entities each plan has shown (emitted with their triples and children). */
  readonly shownBy = new Map<Plan, Set<string>>()
  private readonly store: TripleStore
  private readonly env: MatchEnv
  private readonly childMatches = new Map<Plan, Map<string, Solution[]>>()

  constructor(ctx: QueryContext) {
    this.store = ctx.store
    this.visibility = new Visibility(ctx.store.attrs, ctx.canView)
    this.env = { store: ctx.store, isVisible: (t) => this.visibility.triple(t) }
  }

  topLevel(plan: Plan): PageInfo | undefined {
    const matches = new Map<string, Solution[]>()
    for (const e of candidateIds(this.store, plan.etype, plan.entityVar, plan.patterns)) {
      if (matches.has(e)) continue
      const found = solve(this.env, plan.patterns, [seed(plan, e)])
      if (found.length) matches.set(e, found)
    }
    const spec = plan.order
    if (!spec) {
      for (const [e, found] of matches) this.emit(plan, e, found)
      return undefined
    }
    // The window is chosen before permissions, as on the real server (its SQL knows no rules).
    const rows = [...matches.keys()].map((e) => rowOf(this.store, spec, e, this.idTriple(plan, e)))
    const page = selectWindow(rows, spec, plan.form)
    for (const row of page.rows) {
      // The order triple is part of the real server's row too (its page pattern).
      if (this.emit(plan, row.key.e, matches.get(row.key.e) ?? [])) {
        this.bag.addAll(this.store.triplesOf(row.key.e, spec.attr.id))
      }
    }
    // Cursors skip rows the user may not see; has-next/previous are not adjusted (nor upstream).
    const visible = page.rows.filter((r) => this.visibility.entity(plan.etype, r.key.e))
    return {
      'start-cursor': visible[0]?.cursor ?? null,
      'end-cursor': visible[visible.length - 1]?.cursor ?? null,
      'has-next-page?': page.hasNextPage,
      'has-previous-page?': page.hasPreviousPage,
    }
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
    const kept = found.filter((s) => s.proof.every((t) => this.visibility.triple(t)))
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
    const link = plan.link
    if (!link) return
    const links = link.forward
      ? this.store.triplesOf(parent, link.attr.id).filter((t) => typeof t[2] === 'string')
      : [...this.store.referrers(link.attr.id, parent)].flatMap((x) =>
          this.store.triplesOf(x, link.attr.id).filter((t) => t[2] === parent),
        )
    for (const t of links) {
      const child = (link.forward ? t[2] : t[0]) as string
      // The link triple is part of each child row, so a hidden child hides the link too.
      const found = this.childSolutions(plan, child).map((s) => ({ vars: s.vars, proof: [t, ...s.proof] }))
      this.emit(plan, child, found)
    }
  }

  /** A child's where does not depend on its parent (the link only binds it), so solve it once. */
  private childSolutions(plan: Plan, child: string): Solution[] {
    const memo = memoOf(this.childMatches, plan, () => new Map<string, Solution[]>())
    return memoOf(memo, child, () => solve(this.env, plan.patterns, [seed(plan, child)]))
  }

  private idTriple(plan: Plan, e: string): Triple {
    // Every match has its id triple: the id pattern requires it.
    return this.store.triplesOf(e, plan.idAttr.id).find((x) => x[2] === e) ?? [e, plan.idAttr.id, e, 0]
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

function seed(plan: Plan, e: string): Solution {
  return { vars: new Map([[plan.entityVar, e]]), proof: [] }
}
