// Narrows which entities a top-level form must test: a constant in a top-level clause (an id, a
// link target, an indexed value, one hop away at most) picks them from an index instead of a scan.

import type { TripleStore } from '../model/triple-store.ts'
import type { Json } from '../model/types.ts'
import type { Pattern } from './where-patterns.ts'

type TriplePattern = Extract<Pattern, { kind: 'triple' }>

/** A superset of the entities of etype that can satisfy patterns (all of them when nothing narrows). */
export function candidateIds(
  store: TripleStore,
  etype: string,
  entityVar: string,
  patterns: readonly Pattern[],
): Iterable<string> {
  const triples = patterns.filter((p): p is TriplePattern => p.kind === 'triple')
  return idsOf(store, triples, entityVar, 2) ?? store.entitiesOf(etype)
}

function idsOf(store: TripleStore, ps: TriplePattern[], name: string, hops: number): string[] | undefined {
  for (const p of ps) {
    // [?x attr constant]
    if ('var' in p.e && p.e.var === name && 'value' in p.v && isScalar(p.v.value)) {
      const c = p.v.value
      if (p.attr['forward-identity'][2] === 'id') return typeof c === 'string' ? [c] : []
      if (p.attr['value-type'] === 'ref')
        return typeof c === 'string' ? [...store.referrers(p.attr.id, c)] : []
      if (p.attr['index?'] || p.attr['unique?']) return [...store.lookup(p.attr.id, c as Json)]
    }
    // [constant link ?x]: a reverse label compared with an id
    if ('value' in p.e && 'var' in p.v && p.v.var === name) {
      const c = p.e.value
      return typeof c === 'string' ? valuesOf(store, c, p.attr.id) : []
    }
  }
  if (hops === 0) return undefined
  for (const p of ps) {
    if (!('var' in p.e) || !('var' in p.v)) continue
    if (p.e.var === name && p.v.var !== name) {
      // [?x link ?y]: x points at one of y's candidates
      const ys = idsOf(store, ps, p.v.var, hops - 1)
      if (ys) return ys.flatMap((y) => [...store.referrers(p.attr.id, y)])
    } else if (p.v.var === name && p.e.var !== name) {
      // [?y link ?x]: x is pointed at by one of y's candidates
      const ys = idsOf(store, ps, p.e.var, hops - 1)
      if (ys) return ys.flatMap((y) => valuesOf(store, y, p.attr.id))
    }
  }
  return undefined
}

function valuesOf(store: TripleStore, e: string, a: string): string[] {
  return store.triplesOf(e, a).flatMap((t) => (typeof t[2] === 'string' ? [t[2]] : []))
}

const isScalar = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'
