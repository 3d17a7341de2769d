// The store as it was before a transaction, as a read-only TripleStore: the live (already written)
// store with the tx's additions hidden and its removals shown again. Attrs are the live ones.

import type { AttrIndex, TripleStore } from '../model/triple-store.ts'
import type { Json, Triple } from '../model/types.ts'
import { valueKey } from '../storage/memory-store.ts'
import type { TxLog } from '../tx/tx-log.ts'

/** Per entity: (attr, value) key → the triple before the tx, or null when there was none. */
type Overlay = Map<string, Map<string, Triple | null>>

const tripleKey = (a: string, v: Json) => `${a}\u0000${valueKey(v)}`

export function storeBefore(log: TxLog): TripleStore {
  const overlay: Overlay = new Map()
  // The first change to a triple tells its state before the tx: a remove means it existed.
  for (const c of log.changes) {
    if (c.kind !== 'add' && c.kind !== 'remove') continue
    const [e, a, v] = c.triple
    let byKey = overlay.get(e)
    if (!byKey) {
      byKey = new Map()
      overlay.set(e, byKey)
    }
    const key = tripleKey(a, v)
    if (!byKey.has(key)) byKey.set(key, c.kind === 'remove' ? c.triple : null)
  }
  return new BeforeStore(log.store, overlay)
}

class BeforeStore implements TripleStore {
  constructor(
    private live: TripleStore,
    private overlay: Overlay,
  ) {}

  get attrs(): AttrIndex {
    return this.live.attrs
  }

  triplesOf(e: string, a?: string): readonly Triple[] {
    const changed = this.overlay.get(e)
    const live = this.live.triplesOf(e, a)
    if (!changed) return live
    const out = live.filter((t) => !changed.has(tripleKey(t[1], t[2])))
    for (const t of changed.values()) if (t && (a === undefined || t[1] === a)) out.push(t)
    return out
  }

  valueOf(e: string, a: string): Json | undefined {
    return this.triplesOf(e, a)[0]?.[2]
  }

  hasEntity(etype: string, e: string): boolean {
    if (!this.overlay.has(e)) return this.live.hasEntity(etype, e)
    return this.triplesOf(e).some((t) => this.attrs.byId(t[1])?.['forward-identity'][1] === etype)
  }

  *entitiesOf(etype: string): Iterable<string> {
    for (const e of this.live.entitiesOf(etype)) if (!this.overlay.has(e) || this.hasEntity(etype, e)) yield e
    for (const e of this.overlay.keys())
      if (!this.live.hasEntity(etype, e) && this.hasEntity(etype, e)) yield e
  }

  referrers(a: string, target: string): Iterable<string> {
    return this.withValue(a, target, this.live.referrers(a, target))
  }

  lookup(a: string, v: Json): Iterable<string> {
    return this.withValue(a, v, this.live.lookup(a, v))
  }

  /** Entities with (e, a, v) before the tx: live candidates plus changed ones, checked against the overlay. */
  private *withValue(a: string, v: Json, live: Iterable<string>): Iterable<string> {
    const key = tripleKey(a, v)
    for (const e of live) if (this.overlay.get(e)?.get(key) !== null) yield e
    for (const [e, changed] of this.overlay) {
      if (changed.get(key) && !this.liveHas(e, a, v)) yield e
    }
  }

  private liveHas(e: string, a: string, v: Json): boolean {
    const key = valueKey(v)
    return this.live.triplesOf(e, a).some((t) => valueKey(t[2]) === key)
  }
}
