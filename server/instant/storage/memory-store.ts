// The in-memory triple index of one app: what every query and rule reads. SQLite (storage/sqlite.ts)
// is the durable copy; this index is rebuilt from it at startup and updated after each commit.

import type { GroupOrder, OrderKey, TripleStore } from '../model/triple-store.ts'
import type { Attr, Json, Triple } from '../model/types.ts'
import { MemoryAttrIndex } from './attr-index.ts'
import { OrderedGroups } from './ordered-groups.ts'

/** Stable key for value equality (objects compare by their JSON). */
export function valueKey(v: Json): string {
  return typeof v === 'string' ? `s${v}` : `j${JSON.stringify(v)}`
}

export class MemoryStore implements TripleStore {
  readonly attrs: MemoryAttrIndex
  // e → a → valueKey → triple
  private eav = new Map<string, Map<string, Map<string, Triple>>>()
  // a → valueKey → entities (refs, unique and indexed attrs only)
  private ave = new Map<string, Map<string, Set<string>>>()
  // etype → e → number of the entity's triples whose attr is on that etype
  private members = new Map<string, Map<string, number>>()
  // Sorted (attr, value) groups that page queries walk; maintained by add and remove.
  private ordered: OrderedGroups

  constructor(attrs = new MemoryAttrIndex()) {
    this.attrs = attrs
    this.ordered = new OrderedGroups(this, valueKey, () => attrs.version)
  }

  entitiesOf(etype: string): Iterable<string> {
    return this.members.get(etype)?.keys() ?? []
  }

  hasEntity(etype: string, e: string): boolean {
    return this.members.get(etype)?.has(e) ?? false
  }

  triplesOf(e: string, a?: string): readonly Triple[] {
    const byAttr = this.eav.get(e)
    if (!byAttr) return []
    if (a !== undefined) {
      const values = byAttr.get(a)
      return values ? [...values.values()] : []
    }
    const out: Triple[] = []
    for (const values of byAttr.values()) for (const t of values.values()) out.push(t)
    return out
  }

  valueOf(e: string, a: string): Json | undefined {
    const values = this.eav.get(e)?.get(a)
    if (!values) return undefined
    for (const t of values.values()) return t[2]
    return undefined
  }

  referrers(a: string, target: string): Iterable<string> {
    return this.ave.get(a)?.get(valueKey(target)) ?? []
  }

  lookup(a: string, v: Json): Iterable<string> {
    return this.ave.get(a)?.get(valueKey(v)) ?? []
  }

  orderedGroup(a: string, v: Json, order: GroupOrder): readonly OrderKey[] | undefined {
    return this.ordered.get(a, v, order)
  }

  /** How many entities lookup(a, v) holds, without walking them. */
  lookupSize(a: string, v: Json): number {
    return this.ave.get(a)?.get(valueKey(v))?.size ?? 0
  }

  has(e: string, a: string, v: Json): boolean {
    return this.eav.get(e)?.get(a)?.has(valueKey(v)) ?? false
  }

  /** Inserts a triple; an identical (e, a, v) is replaced. */
  add(triple: Triple): void {
    const [e, a, v] = triple
    const key = valueKey(v)
    let byAttr = this.eav.get(e)
    if (!byAttr) {
      byAttr = new Map()
      this.eav.set(e, byAttr)
    }
    let values = byAttr.get(a)
    if (!values) {
      values = new Map()
      byAttr.set(a, values)
    }
    const existed = values.has(key)
    values.set(key, triple)
    if (existed) {
      this.ordered.added(triple, true)
      return
    }
    if (this.isIndexed(a)) {
      let byValue = this.ave.get(a)
      if (!byValue) {
        byValue = new Map()
        this.ave.set(a, byValue)
      }
      let es = byValue.get(key)
      if (!es) {
        es = new Set()
        byValue.set(key, es)
      }
      es.add(e)
    }
    const etype = this.attrs.byId(a)?.['forward-identity'][1]
    if (etype) {
      let m = this.members.get(etype)
      if (!m) {
        m = new Map()
        this.members.set(etype, m)
      }
      m.set(e, (m.get(e) ?? 0) + 1)
    }
    this.ordered.added(triple, false)
  }

  /** Removes the triple (e, a, v); returns it when it existed. */
  remove(e: string, a: string, v: Json): Triple | undefined {
    const key = valueKey(v)
    const byAttr = this.eav.get(e)
    const values = byAttr?.get(a)
    const triple = values?.get(key)
    if (!byAttr || !values || !triple) return undefined
    values.delete(key)
    if (!values.size) byAttr.delete(a)
    if (!byAttr.size) this.eav.delete(e)
    const byValue = this.ave.get(a)
    const es = byValue?.get(key)
    if (es) {
      es.delete(e)
      if (!es.size) byValue!.delete(key)
    }
    const etype = this.attrs.byId(a)?.['forward-identity'][1]
    const m = etype ? this.members.get(etype) : undefined
    if (m && etype) {
      const n = (m.get(e) ?? 1) - 1
      if (n > 0) m.set(e, n)
      else m.delete(e)
      if (!m.size) this.members.delete(etype)
    }
    this.ordered.removed(triple)
    return triple
  }

  private isIndexed(a: string): boolean {
    const attr = this.attrs.byId(a)
    if (!attr) return false
    return attr['value-type'] === 'ref' || attr['unique?'] || attr['index?']
  }
}

/** Builds a store from attrs and triples (tests, benchmarks, startup). */
export function memoryStoreOf(attrs: Iterable<Attr>, triples: Iterable<Triple>): MemoryStore {
  const store = new MemoryStore(new MemoryAttrIndex(attrs))
  for (const t of triples) store.add(t)
  return store
}
