// Finds, for a paged top-level form, a group of entities already kept in the form's order — the
// entities one where clause pins to a constant (`conversation.id: X`, `owner: X`, `status: 'done'`) —
// so the window can be walked instead of sorting every match. Pure: reads TripleStore.

import type { GroupOrder, TripleStore } from '../model/triple-store.ts'
import type { Json } from '../model/types.ts'
import type { OrderSpec } from './order-spec.ts'
import type { Plan } from './plan.ts'
import { comparableValue, compareKeys } from './sort-order.ts'
import type { Pattern } from './where-patterns.ts'

type TriplePattern = Extract<Pattern, { kind: 'triple' }>

/**
 * The form's candidates in ascending order, or undefined when no group applies (the caller then
 * sorts every match). Every entity the where can match is in the group: the pinning clause is one
 * of the top-level conjuncts, so the group is a superset, like candidateIds.
 */
export function orderedCandidates(store: TripleStore, plan: Plan, spec: OrderSpec) {
  if (!store.orderedGroup) return undefined
  const order = groupOrderOf(spec)
  if (!order) return undefined
  // A where on the entity's own id already narrows to one candidate: nothing to walk.
  if (pinsId(plan)) return undefined
  const pins = pinsOf(plan)
  if (pins.length === 0) return undefined
  // The smallest group: `pinned: false` may hold every teacher's conversations, `owner` only one's.
  const size = (p: Pin) => store.lookupSize?.(p.attr, p.value) ?? 0
  const best = pins.reduce((a, b) => (size(b) < size(a) ? b : a))
  return store.orderedGroup(best.attr, best.value, order)
}

interface Pin {
  attr: string
  value: Json
}

function pinsId(plan: Plan): boolean {
  return plan.patterns.some(
    (p) =>
      p.kind === 'triple' &&
      'var' in p.e &&
      p.e.var === plan.entityVar &&
      p.attr['forward-identity'][2] === 'id' &&
      'value' in p.v,
  )
}

/** [?x a c] with a ref, unique or indexed a, and [?x link ?y] [?y id c] (one hop), at top level. */
function pinsOf(plan: Plan): Pin[] {
  const triples = plan.patterns.filter((p): p is TriplePattern => p.kind === 'triple')
  const x = plan.entityVar
  const pins: Pin[] = []
  for (const p of triples) {
    if (!('var' in p.e) || p.e.var !== x || p.attr['forward-identity'][2] === 'id') continue
    const isKept = p.attr['value-type'] === 'ref' || p.attr['index?'] || p.attr['unique?']
    if (!isKept) continue
    if ('value' in p.v && isScalar(p.v.value)) {
      // A ref compared with a non-string never matches; lookup then finds nobody, which is right.
      pins.push({ attr: p.attr.id, value: p.v.value as Json })
    } else if ('var' in p.v && p.v.var !== x && p.attr['value-type'] === 'ref') {
      const y = p.v.var
      const id = triples.find(
        (q) =>
          'var' in q.e &&
          q.e.var === y &&
          q.attr['forward-identity'][2] === 'id' &&
          'value' in q.v &&
          typeof q.v.value === 'string',
      )
      if (id && 'value' in id.v) pins.push({ attr: p.attr.id, value: id.v.value as string })
    }
  }
  return pins
}

/**
 * The store-side form of the order, for the types whose values compare totally: created-at,
 * numbers, dates, strings and booleans. Json and untyped orders are sorted per query instead.
 */
function groupOrderOf(spec: OrderSpec): GroupOrder | undefined {
  const { dataType, byCreatedAt } = spec
  const compare = (a: { e: string; v: Json | undefined }, b: { e: string; v: Json | undefined }) =>
    compareKeys(a, b, dataType)
  if (byCreatedAt) {
    const keyOf = (t: Json | undefined) => (typeof t === 'number' ? { v: t } : { v: 0 })
    return { id: 'created-at', attr: spec.attr.id, byT: true, keyOf, compare }
  }
  const expected = dataType === 'date' ? 'number' : dataType
  if (expected !== 'number' && expected !== 'string' && expected !== 'boolean') return undefined
  const keyOf = (raw: Json | undefined) => {
    if (raw === undefined || raw === null) return { v: raw }
    const v = comparableValue(raw, dataType)
    if (typeof v !== expected || Number.isNaN(v)) return false
    return { v }
  }
  return { id: `${spec.attr.id}\u0000${dataType}`, attr: spec.attr.id, byT: false, keyOf, compare }
}

const isScalar = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'
