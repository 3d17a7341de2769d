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
}
