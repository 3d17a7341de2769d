// What each tx-step of an applied transaction touched, with lookups resolved: the input of the
// permission checks, which (as upstream's permissioned_transaction.clj) look at steps, not at triples.

import type { TripleStore } from '../model/triple-store.ts'
import type { Attr, Json } from '../model/types.ts'
import { isUuid } from '../tx/values.ts'

export type StepTarget =
  | {
      op: 'add-triple' | 'deep-merge-triple' | 'retract-triple'
      etype: string
      e: string
      attr: Attr
      /** For a link: the linked entity and its etype. */
      link?: { etype: string; e: string }
    }
  | { op: 'delete-entity'; etype: string; e: string }
  | { op: 'add-attr'; attr: Record<string, unknown> }

/**
 * Resolves the steps of a tx that has been applied: `after` is the store now, `before` as it was.
 * Steps whose lookup matches nothing (a retract of something absent) are dropped, as they did nothing.
 */
export function stepTargets(
  steps: readonly unknown[],
  before: TripleStore,
  after: TripleStore,
): StepTarget[] {
  const out: StepTarget[] = []
  const resolve = (ref: unknown): string | undefined => resolveRef(ref, before, after)
  for (const raw of steps) {
    if (!Array.isArray(raw)) continue
    const [op, rawE, rawA, rawV] = raw as unknown[]
    if (op === 'add-attr') {
      if (rawE && typeof rawE === 'object') out.push({ op, attr: rawE as Record<string, unknown> })
      continue
    }
    if (op === 'delete-entity') {
      const e = resolve(rawE)
      const etype = typeof rawA === 'string' ? rawA : e ? etypeOf(before, e) : undefined
      if (e && etype) out.push({ op, etype, e })
      continue
    }
    if (op !== 'add-triple' && op !== 'deep-merge-triple' && op !== 'retract-triple') continue
    const attr = typeof rawA === 'string' ? after.attrs.byId(rawA) : undefined
    const e = resolve(rawE)
    if (!attr || !e) continue
    const target: StepTarget = { op, etype: attr['forward-identity'][1], e, attr }
    if (attr['value-type'] === 'ref' && attr['reverse-identity']) {
      const linked = resolve(rawV)
      if (!linked) continue
      target.link = { etype: attr['reverse-identity'][1], e: linked }
    }
    out.push(target)
  }
  return out
}

function resolveRef(ref: unknown, before: TripleStore, after: TripleStore): string | undefined {
  if (isUuid(ref)) return ref.toLowerCase()
  if (!Array.isArray(ref) || ref.length !== 2 || typeof ref[0] !== 'string') return undefined
  const attr = after.attrs.byId(ref[0])
  const value = ref[1] as Json
  if (!attr) return undefined
  if (attr['forward-identity'][2] === 'id') return isUuid(value) ? value.toLowerCase() : undefined
  for (const e of after.lookup(attr.id, value)) return e
  for (const e of before.lookup(attr.id, value)) return e
  return undefined
}

function etypeOf(store: TripleStore, e: string): string | undefined {
  for (const t of store.triplesOf(e)) {
    const attr = store.attrs.byId(t[1])
    if (attr) return attr['forward-identity'][1]
  }
  return undefined
}
