// Sorted views of one (attr, value) group of entities — a conversation's messages by createdAt —
// built on first use and kept sorted as triples change, so a page query walks it instead of
// sorting the whole group. The order itself (keys, compare) comes from the caller; none is built in.

import type { GroupOrder, OrderKey, TripleStore } from '../model/triple-store.ts'
import type { Json, Triple } from '../model/types.ts'

/** One group in order: its members' keys sorted ascending, and each member's current key. */
interface Group {
  keys: OrderKey[]
  byE: Map<string, OrderKey>
}

/** Every group of one group attr kept in one order. */
interface Registration {
  groupAttr: string
  order: GroupOrder
  groups: Map<string, Group>
}

type ValueKey = (v: Json) => string

export class OrderedGroups {
  private regs = new Map<string, Registration>()
  private byGroupAttr = new Map<string, Registration[]>()
  private byOrderAttr = new Map<string, Registration[]>()
  private attrsVersion = -1

  constructor(
    private readonly store: TripleStore,
    private readonly valueKey: ValueKey,
    private readonly attrsVersionOf: () => number,
  ) {}

  /** The group's keys in order (see TripleStore.orderedGroup); members come from store.lookup. */
  get(a: string, v: Json, order: GroupOrder): readonly OrderKey[] | undefined {
    // An attr's type or flags may have changed: every kept order may be stale.
    if (this.attrsVersion !== this.attrsVersionOf()) this.clear()
    const reg = this.registration(a, order)
    const vk = this.valueKey(v)
    const kept = reg.groups.get(vk)
    if (kept) return kept.keys
    const keys: OrderKey[] = []
    for (const e of this.store.lookup(a, v)) {
      const key = this.keyOf(e, order)
      if (!key) return undefined
      keys.push(key)
    }
    keys.sort(order.compare)
    reg.groups.set(vk, { keys, byE: new Map(keys.map((k) => [k.e, k])) })
    return keys
  }

  /** Call after the store added triple (existed: an identical e, a, v was replaced). */
  added(triple: Triple, existed: boolean): void {
    if (this.regs.size === 0) return
    const [e, a, v] = triple
    if (!existed) {
      for (const reg of this.byGroupAttr.get(a) ?? []) {
        const group = reg.groups.get(this.valueKey(v))
        if (group && !group.byE.has(e)) this.place(reg, group, e)
      }
    }
    for (const reg of this.byOrderAttr.get(a) ?? []) this.rekey(reg, e)
  }

  /** Call after the store removed triple. */
  removed(triple: Triple): void {
    if (this.regs.size === 0) return
    const [e, a, v] = triple
    for (const reg of this.byGroupAttr.get(a) ?? []) {
      const group = reg.groups.get(this.valueKey(v))
      if (group) unplace(group, e, reg.order)
    }
    for (const reg of this.byOrderAttr.get(a) ?? []) this.rekey(reg, e)
  }

  private clear(): void {
    this.regs.clear()
    this.byGroupAttr.clear()
    this.byOrderAttr.clear()
    this.attrsVersion = this.attrsVersionOf()
  }

  private registration(a: string, order: GroupOrder): Registration {
    const id = `${a}\u0000${order.id}`
    let reg = this.regs.get(id)
    if (!reg) {
      reg = { groupAttr: a, order, groups: new Map() }
      this.regs.set(id, reg)
      pushTo(this.byGroupAttr, a, reg)
      pushTo(this.byOrderAttr, order.attr, reg)
    }
    return reg
  }

  /** e's order value changed: move it within every kept group that holds it. */
  private rekey(reg: Registration, e: string): void {
    for (const t of this.store.triplesOf(e, reg.groupAttr)) {
      const group = reg.groups.get(this.valueKey(t[2]))
      if (!group?.byE.has(e)) continue
      unplace(group, e, reg.order)
      this.place(reg, group, e)
    }
  }

  /** Inserts e at its place; a key that cannot be placed drops the group (rebuilt, or refused, on next use). */
  private place(reg: Registration, group: Group, e: string): void {
    const key = this.keyOf(e, reg.order)
    if (!key) {
      for (const [vk, g] of reg.groups) if (g === group) reg.groups.delete(vk)
      return
    }
    group.keys.splice(upperBound(group.keys, key, reg.order.compare), 0, key)
    group.byE.set(e, key)
  }

  private keyOf(e: string, order: GroupOrder): OrderKey | false {
    const value = order.byT
      ? this.store.triplesOf(e, order.attr).find((t) => t[2] === e)?.[3]
      : this.store.triplesOf(e, order.attr)[0]?.[2]
    const key = order.keyOf(value)
    return key && { e, v: key.v }
  }
}

function unplace(group: Group, e: string, order: GroupOrder): void {
  const key = group.byE.get(e)
  if (!key) return
  group.byE.delete(e)
  let i = lowerBound(group.keys, key, order.compare)
  if (group.keys[i]?.e !== e) i = group.keys.findIndex((k) => k.e === e)
  if (i >= 0) group.keys.splice(i, 1)
}

/** First index whose key is not below key. */
function lowerBound(keys: readonly OrderKey[], key: OrderKey, compare: GroupOrder['compare']): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compare(keys[mid]!, key) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** First index whose key is above key: appending the newest member costs one comparison per halving. */
function upperBound(keys: readonly OrderKey[], key: OrderKey, compare: GroupOrder['compare']): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (compare(keys[mid]!, key) <= 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
