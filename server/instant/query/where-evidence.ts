// Counter-evidence for non-monotone wheres. The client runs a top-level where over every entity it
// can see, including ones we sent only as children. $isNull: true and $not match when a triple is
// *missing*, so such an entity could falsely pass; we send what the where reads along those paths.

import type { TripleStore } from '../model/triple-store.ts'
import type { Triple } from '../model/types.ts'
import { isPlainObject } from './invalid-query.ts'
import type { Plan } from './plan.ts'
import type { TripleBag } from './triple-bag.ts'
import type { Visibility } from './visibility.ts'

/**
 * Gives every entity of a form's etype that we send but that form did not show (another form's
 * child, a path end, ...) the triples the form's non-monotone clauses read, so the client's re-run
 * of the where rejects it as the server did. Repeats until no new such entity appears.
 */
export function addWhereEvidence(
  store: TripleStore,
  bag: TripleBag,
  visibility: Visibility,
  plans: readonly Plan[],
  shownBy: (plan: Plan) => ReadonlySet<string> | undefined,
): void {
  const work = plans.flatMap((plan) => {
    const paths = plan.form.where ? nonMonotonePaths(plan.form.where) : []
    return paths.length ? [{ plan, paths, done: new Set<string>() }] : []
  })
  let changed = work.length > 0
  while (changed) {
    changed = false
    for (const { plan, paths, done } of work) {
      const shown = shownBy(plan)
      for (const [e] of bag.toArray().filter((t) => t[1] === plan.idAttr.id)) {
        if (shown?.has(e) || done.has(e)) continue
        done.add(e)
        changed = true
        for (const path of paths) {
          bag.addAll(pathNeighborhood(store, plan.etype, e, path).filter((t) => visibility.triple(t)))
        }
      }
    }
  }
}

/** Paths of the clauses that can match on absent triples ($not, $ne, $isNull: true), at any depth. */
export function nonMonotonePaths(where: Record<string, unknown>): string[][] {
  const out: string[][] = []
  for (const [key, v] of Object.entries(where)) {
    if ((key === 'or' || key === 'and') && Array.isArray(v)) {
      for (const w of v) if (isPlainObject(w)) out.push(...nonMonotonePaths(w))
    } else if (
      isPlainObject(v) &&
      (Object.hasOwn(v, '$not') || Object.hasOwn(v, '$ne') || v.$isNull === true)
    ) {
      out.push(key.split('.'))
    }
  }
  return out
}

/**
 * Every triple the client reads when it evaluates path from e: each hop's links and the id triples
 * of the entities reached, then the values (or, for a reverse label, the pointing links) at the end.
 */
export function pathNeighborhood(store: TripleStore, etype: string, e: string, path: string[]): Triple[] {
  const out: Triple[] = []
  let at = etype
  let frontier = [e]
  for (const [i, label] of path.entries()) {
    const fwd = store.attrs.byForward(at, label)
    const attr = fwd ?? store.attrs.byReverse(at, label)
    if (!attr) return out
    const links = fwd
      ? frontier.flatMap((x) => store.triplesOf(x, attr.id))
      : frontier.flatMap((x) =>
          [...store.referrers(attr.id, x)].flatMap((z) => linksTo(store, z, attr.id, x)),
        )
    out.push(...links)
    if (i === path.length - 1 || attr['value-type'] !== 'ref') return out
    at = (fwd ? attr['reverse-identity']?.[1] : attr['forward-identity'][1]) ?? at
    frontier = links.map((t) => (fwd ? t[2] : t[0])).filter((x): x is string => typeof x === 'string')
    const idAttr = store.attrs.idAttr(at)
    if (idAttr) out.push(...frontier.flatMap((x) => store.triplesOf(x, idAttr.id)))
  }
  return out
}

function linksTo(store: TripleStore, from: string, a: string, to: string): Triple[] {
  return store.triplesOf(from, a).filter((t) => t[2] === to)
}
