// Runs compiled where patterns over the triple store, keeping for every solution the triples it
// used (its "proof", the real server's join-row): the client needs exactly those to re-match.

import type { TripleStore } from '../model/triple-store.ts'
import type { Attr, Json, Triple } from '../model/types.ts'
import type { Pattern } from './where-patterns.ts'
import type { Term, ValueTest } from './where-values.ts'

export interface Solution {
  vars: ReadonlyMap<string, unknown>
  proof: readonly Triple[]
}

export interface MatchEnv {
  store: TripleStore
  /** Prefers visible triples when any one of several would do as evidence (reverse $isNull: false). */
  isVisible: (t: Triple) => boolean
}

/** All solutions of patterns (a conjunction) extending each of the given solutions. */
export function solve(env: MatchEnv, patterns: readonly Pattern[], from: Solution[]): Solution[] {
  let current = from
  for (const p of patterns) {
    if (current.length === 0) return current
    current = step(env, p, current)
  }
  return current
}

function step(env: MatchEnv, p: Pattern, from: Solution[]): Solution[] {
  switch (p.kind) {
    case 'or':
      return p.branches.flatMap((branch) => solve(env, branch, from))
    case 'and':
      return p.branches.reduce((acc, branch) => solve(env, branch, acc), from)
    case 'idPrefix':
      return from.filter((s) => String(s.vars.get(p.e)).startsWith(p.prefix))
    case 'null':
      return from.flatMap((s) => matchNull(env, p, s))
    case 'triple':
      return from.flatMap((s) => matchTriple(env, p, s))
  }
}

type Resolved = { bound: true; value: unknown } | { bound: false; name: string }

function resolve(term: Term, vars: ReadonlyMap<string, unknown>): Resolved {
  if ('value' in term) return { bound: true, value: term.value }
  return vars.has(term.var) ? { bound: true, value: vars.get(term.var) } : { bound: false, name: term.var }
}

function bind(vars: ReadonlyMap<string, unknown>, name: string, value: unknown) {
  return new Map(vars).set(name, value)
}

function matchTriple(env: MatchEnv, p: Extract<Pattern, { kind: 'triple' }>, s: Solution): Solution[] {
  const e = resolve(p.e, s.vars)
  const out: Solution[] = []
  for (const t of candidates(env.store, p.attr, e, 'test' in p.v ? undefined : resolve(p.v, s.vars))) {
    let vars = s.vars
    if (!e.bound) vars = bind(vars, e.name, t[0])
    if ('test' in p.v) {
      if (!(p.v as ValueTest).test(t[2])) continue
    } else {
      const v = resolve(p.v, vars)
      if (!v.bound) vars = bind(vars, v.name, t[2])
      else if (v.value !== t[2]) continue
    }
    out.push({ vars, proof: [...s.proof, t] })
  }
  return out
}

/** Triples of attr that could match, using the narrowest index the bound parts allow. */
function candidates(store: TripleStore, attr: Attr, e: Resolved, v: Resolved | undefined): readonly Triple[] {
  // A non-string entity (e.g. an operator map under a reverse label) matches nothing, like the client.
  if (e.bound) return typeof e.value === 'string' ? store.triplesOf(e.value, attr.id) : []
  let owners: Iterable<string>
  if (v?.bound && attr['value-type'] === 'ref' && typeof v.value === 'string') {
    owners = store.referrers(attr.id, v.value)
  } else if (v?.bound && (attr['index?'] || attr['unique?']) && isScalar(v.value)) {
    owners = store.lookup(attr.id, v.value as Json)
  } else {
    owners = store.entitiesOf(attr['forward-identity'][1])
  }
  return [...owners].flatMap((x) => store.triplesOf(x, attr.id))
}

const isScalar = (x: unknown) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean'

/**
 * The client's $isNull: matches e's id triple when e has no value for attr (or a null one); for a
 * reverse label, when no ref triple points at e. A non-null match also carries the triples that
 * show the value exists, so the client, which only sees what we send, agrees.
 */
function matchNull(env: MatchEnv, p: Extract<Pattern, { kind: 'null' }>, s: Solution): Solution[] {
  const e = resolve({ var: p.e }, s.vars)
  const ids = e.bound
    ? typeof e.value === 'string'
      ? [e.value]
      : []
    : [...env.store.entitiesOf(p.idAttr['forward-identity'][1])]
  const out: Solution[] = []
  for (const id of ids) {
    for (const t of env.store.triplesOf(id, p.idAttr.id)) {
      // The client keys the check by the id triple's value, which is the entity id itself.
      const evidence = typeof t[2] === 'string' ? evidenceOf(env, p, t[2]) : []
      const isValNull = evidence.length === 0 || (!p.reverse && evidence.some((x) => x[2] === null))
      if (isValNull !== p.isNull) continue
      const vars = e.bound ? s.vars : bind(s.vars, p.e, t[0])
      out.push({ vars, proof: [...s.proof, t, ...(p.isNull ? [] : evidence)] })
    }
  }
  return out
}

function evidenceOf(env: MatchEnv, p: Extract<Pattern, { kind: 'null' }>, id: string): Triple[] {
  if (!p.reverse) return [...env.store.triplesOf(id, p.attr.id)]
  // One pointing triple is enough; prefer one the user may see so permissions don't hide the row.
  let fallback: Triple | undefined
  for (const x of env.store.referrers(p.attr.id, id)) {
    const t = env.store.triplesOf(x, p.attr.id).find((r) => r[2] === id)
    if (!t) continue
    if (env.isVisible(t)) return [t]
    fallback ??= t
  }
  return fallback ? [fallback] : []
}
