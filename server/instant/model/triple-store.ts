// The read interface every engine (query, perms, reactive) uses to look at an app's data.
// Implemented in memory by storage/app-store.ts; engines never see SQL.

import type { Attr, Json, Triple } from './types.ts'

export interface AttrIndex {
  all(): readonly Attr[]
  byId(id: string): Attr | undefined
  /** The attr whose forward identity is etype.label, e.g. ('messages', 'text'). */
  byForward(etype: string, label: string): Attr | undefined
  /** The ref attr whose reverse identity is etype.label, e.g. ('conversations', 'messages'). */
  byReverse(etype: string, label: string): Attr | undefined
  /** Every attr whose forward identity is on etype (its data attrs and forward links). */
  ofEtype(etype: string): readonly Attr[]
  idAttr(etype: string): Attr | undefined
}

export interface TripleStore {
  readonly attrs: AttrIndex
  /** Ids of entities that have at least one triple of an attr of etype. */
  entitiesOf(etype: string): Iterable<string>
  hasEntity(etype: string, e: string): boolean
  /** All triples of entity e, optionally only for attr a. */
  triplesOf(e: string, a?: string): readonly Triple[]
  /** The value of a cardinality-one attr, or undefined when the entity has none. */
  valueOf(e: string, a: string): Json | undefined
  /** Entities e with a triple [e, a, target] (reverse lookup of a ref attr). */
  referrers(a: string, target: string): Iterable<string>
  /** Entities e with a triple [e, a, v] for a unique or indexed attr (by JSON equality). */
  lookup(a: string, v: Json): Iterable<string>
  /**
   * The entities of lookup(a, v) sorted ascending by order, kept sorted as triples change, so a
   * page can be read by walking it. Optional (a store may not keep such indexes); undefined when
   * some member's order value is not orderable by order. Read-only and valid until the next write.
   */
  orderedGroup?(a: string, v: Json, order: GroupOrder): readonly OrderKey[] | undefined
  /** How many entities lookup(a, v) yields, without walking them (optional, like orderedGroup). */
  lookupSize?(a: string, v: Json): number
}

/** An entity's place in an order: its comparable order value (absent: undefined) and its id. */
export interface OrderKey {
  e: string
  v: Json | undefined
}

/** How a group is ordered; the store calls these to key and place members as they change. */
export interface GroupOrder {
  /** Equal ids mean the same attr, key and compare. */
  id: string
  /** The attr whose value orders; for byT, the id attr, whose triple's created-at orders. */
  attr: string
  byT: boolean
  /** The comparable form of an order value, or `false` when it cannot be placed totally. */
  keyOf(v: Json | undefined): { v: Json | undefined } | false
  /** A total ascending order of keys. */
  compare(a: OrderKey, b: OrderKey): number
}
