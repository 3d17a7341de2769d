// A reversible record of one transaction's changes to the in-memory store: what storage
// persists after validation, and what is undone when validation or persistence fails.

import type { Attr, Json, Triple } from '../model/types.ts'
import type { MemoryStore } from '../storage/memory-store.ts'

export type Change =
  | { kind: 'add'; triple: Triple }
  | { kind: 'remove'; triple: Triple }
  | { kind: 'put-attr'; attr: Attr; previous: Attr | undefined }
  | { kind: 'remove-attr'; attr: Attr }

export class TxLog {
  readonly changes: Change[] = []

  constructor(readonly store: MemoryStore) {}

  add(triple: Triple): void {
    this.store.add(triple)
    this.changes.push({ kind: 'add', triple })
  }

  remove(e: string, a: string, v: Json): Triple | undefined {
    const triple = this.store.remove(e, a, v)
    if (triple) this.changes.push({ kind: 'remove', triple })
    return triple
  }

  putAttr(attr: Attr): void {
    const previous = this.store.attrs.byId(attr.id)
    this.store.attrs.put(attr)
    this.changes.push({ kind: 'put-attr', attr, previous })
  }

  removeAttr(attr: Attr): void {
    this.store.attrs.remove(attr.id)
    this.changes.push({ kind: 'remove-attr', attr })
  }

  /** Reverts every change, newest first, leaving the store as it was before the tx. */
  undo(): void {
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const c = this.changes[i]!
      if (c.kind === 'add') this.store.remove(c.triple[0], c.triple[1], c.triple[2])
      else if (c.kind === 'remove') this.store.add(c.triple)
      else if (c.kind === 'put-attr') {
        this.store.attrs.remove(c.attr.id)
        if (c.previous) this.store.attrs.put(c.previous)
      } else this.store.attrs.put(c.attr)
    }
    this.changes.length = 0
  }

  /** The net triple changes (an add later removed in the same tx cancels out). */
  netTriples(): { added: Triple[]; removed: Triple[] } {
    const key = (t: Triple) => `${t[0]}\u0000${t[1]}\u0000${JSON.stringify(t[2])}`
    const state = new Map<string, { before: Triple | undefined; after: Triple | undefined }>()
    for (const c of this.changes) {
      if (c.kind !== 'add' && c.kind !== 'remove') continue
      const k = key(c.triple)
      const entry = state.get(k) ?? { before: c.kind === 'remove' ? c.triple : undefined, after: undefined }
      entry.after = c.kind === 'add' ? c.triple : undefined
      state.set(k, entry)
    }
    const added: Triple[] = []
    const removed: Triple[] = []
    for (const { before, after } of state.values()) {
      if (before && after && before[3] === after[3]) continue
      if (before) removed.push(before)
      if (after) added.push(after)
    }
    return { added, removed }
  }

  changedAttrs(): { put: Attr[]; removed: Attr[] } {
    const put = new Map<string, Attr>()
    const removed = new Map<string, Attr>()
    for (const c of this.changes) {
      if (c.kind === 'put-attr') {
        put.set(c.attr.id, c.attr)
        removed.delete(c.attr.id)
      } else if (c.kind === 'remove-attr') {
        removed.set(c.attr.id, c.attr)
        put.delete(c.attr.id)
      }
    }
    return { put: [...put.values()], removed: [...removed.values()] }
  }
}
