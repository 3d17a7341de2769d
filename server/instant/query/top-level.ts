// What one plan matches: a top-level form's entities (and, when paginated, its exact page and
// page-info), a child form's linked entities. Shared by the triple result (run-instaql.ts) and the
// admin object tree (run-instaql-tree.ts), so both show the same entities. Pure: reads TripleStore.

import type { TripleStore } from '../model/triple-store.ts'
import type { PageInfo, Triple } from '../model/types.ts'
import { type Row, rowOf } from './order-spec.ts'
import { orderedCandidates } from './ordered-source.ts'
import { walkWindow } from './page-walk.ts'
import { selectWindow } from './page-window.ts'
import { type MatchEnv, type Solution, solve } from './pattern-match.ts'
import type { Plan } from './plan.ts'
import { candidateIds } from './top-candidates.ts'
import type { Visibility } from './visibility.ts'

export interface TopLevelMatch {
  /**
   * Entities that satisfy the form's where, with the solutions that matched them: every one, or,
   * when the page was walked from an ordered group, at least the page's.
   */
  matches: Map<string, Solution[]>
  /** Paginated forms only: the page's rows in the requested direction, and its page-info. */
  page?: { rows: Row[]; info: PageInfo }
}

/** Matches a top-level plan; the page is chosen before permissions, as on the real server. */
export function matchTopLevel(
  store: TripleStore,
  env: MatchEnv,
  visibility: Visibility,
  plan: Plan,
): TopLevelMatch {
  const matches = new Map<string, Solution[]>()
  const match = (e: string) => {
    const found = solve(env, plan.patterns, [seed(plan, e)])
    if (found.length) matches.set(e, found)
    return found.length > 0
  }
  const spec = plan.order
  // A page over a group kept in order costs the page: only the candidates walked are solved.
  const ordered = spec && orderedCandidates(store, plan, spec)
  if (spec && ordered) {
    const walked = walkWindow(ordered, spec, plan.form, match)
    const rows = walked.keys.map((k) => rowOf(store, spec, k.e, idTriple(store, plan, k.e)))
    return { matches, page: { rows, info: pageInfoOf(rows, walked, visibility, plan) } }
  }
  for (const e of candidateIds(store, plan.etype, plan.entityVar, plan.patterns)) {
    if (!matches.has(e)) match(e)
  }
  if (!spec) return { matches }
  // The real server's SQL knows no rules, so the window is chosen before permissions.
  const rows = [...matches.keys()].map((e) => rowOf(store, spec, e, idTriple(store, plan, e)))
  const page = selectWindow(rows, spec, plan.form)
  return { matches, page: { rows: page.rows, info: pageInfoOf(page.rows, page, visibility, plan) } }
}

function pageInfoOf(
  rows: readonly Row[],
  window: { hasNextPage: boolean; hasPreviousPage: boolean },
  visibility: Visibility,
  plan: Plan,
): PageInfo {
  // Cursors skip rows the user may not see; has-next/previous are not adjusted (nor upstream).
  const visible = rows.filter((r) => visibility.entity(plan.etype, r.key.e))
  return {
    'start-cursor': visible[0]?.cursor ?? null,
    'end-cursor': visible[visible.length - 1]?.cursor ?? null,
    'has-next-page?': window.hasNextPage,
    'has-previous-page?': window.hasPreviousPage,
  }
}

/** Child plans' matches, solved once per (plan, child): a child's where ignores its parent. */
export class ChildMatcher {
  private readonly memo = new Map<Plan, Map<string, Solution[]>>()

  constructor(private readonly env: MatchEnv) {}

  /**
   * Each entity linked from parent through plan's link, with the solutions that matched it (before
   * permissions). The link triple is part of each solution, so a hidden child hides the link too.
   */
  linked(plan: Plan, parent: string): { child: string; found: Solution[] }[] {
    const link = plan.link
    if (!link) return []
    const store = this.env.store
    const triples = link.forward
      ? store.triplesOf(parent, link.attr.id).filter((t) => typeof t[2] === 'string')
      : [...store.referrers(link.attr.id, parent)].flatMap((x) =>
          store.triplesOf(x, link.attr.id).filter((t) => t[2] === parent),
        )
    return triples.map((t) => {
      const child = (link.forward ? t[2] : t[0]) as string
      const found = this.solutions(plan, child).map((s) => ({ vars: s.vars, proof: [t, ...s.proof] }))
      return { child, found }
    })
  }

  private solutions(plan: Plan, child: string): Solution[] {
    let byChild = this.memo.get(plan)
    if (!byChild) {
      byChild = new Map()
      this.memo.set(plan, byChild)
    }
    let found = byChild.get(child)
    if (!found) {
      found = solve(this.env, plan.patterns, [seed(plan, child)])
      byChild.set(child, found)
    }
    return found
  }
}

/** The solutions whose every triple the user may see: an entity with none is not shown. */
export function visibleSolutions(found: readonly Solution[], visibility: Visibility): Solution[] {
  return found.filter((s) => s.proof.every((t) => visibility.triple(t)))
}

/** A solution that binds only the plan's entity variable to e. */
export function seed(plan: Plan, e: string): Solution {
  return { vars: new Map([[plan.entityVar, e]]), proof: [] }
}

/** e's id triple; every match has one, as the id pattern requires it. */
export function idTriple(store: TripleStore, plan: Plan, e: string): Triple {
  return store.triplesOf(e, plan.idAttr.id).find((x) => x[2] === e) ?? [e, plan.idAttr.id, e, 0]
}
