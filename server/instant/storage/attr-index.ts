// In-memory lookup tables over an app's attrs: by id, by forward and reverse identity, by etype.

import type { AttrIndex } from '../model/triple-store.ts'
import type { Attr } from '../model/types.ts'

export class MemoryAttrIndex implements AttrIndex {
  private list: Attr[] = []
  private ids = new Map<string, Attr>()
  private forward = new Map<string, Attr>()
  private reverse = new Map<string, Attr>()
  private etypes = new Map<string, Attr[]>()
  /** Bumped on every put and remove, so indexes that depend on attr definitions know to rebuild. */
  version = 0

  constructor(attrs: Iterable<Attr> = []) {
    for (const attr of attrs) this.put(attr)
  }

  all(): readonly Attr[] {
    return this.list
  }

  byId(id: string): Attr | undefined {
    return this.ids.get(id)
  }

  byForward(etype: string, label: string): Attr | undefined {
    return this.forward.get(`${etype}\u0000${label}`)
  }

  byReverse(etype: string, label: string): Attr | undefined {
    return this.reverse.get(`${etype}\u0000${label}`)
  }

  ofEtype(etype: string): readonly Attr[] {
    return this.etypes.get(etype) ?? []
  }

  idAttr(etype: string): Attr | undefined {
    return this.byForward(etype, 'id')
  }

  etypeNames(): string[] {
    return [...this.etypes.keys()]
  }

  /** Adds or replaces an attr (replacing keeps its position, so the wire order is stable). */
  put(attr: Attr): void {
    const old = this.ids.get(attr.id)
    if (old) this.remove(old.id)
    this.version++
    this.list.push(attr)
    this.ids.set(attr.id, attr)
    const [, etype, label] = attr['forward-identity']
    this.forward.set(`${etype}\u0000${label}`, attr)
    const rev = attr['reverse-identity']
    if (rev) this.reverse.set(`${rev[1]}\u0000${rev[2]}`, attr)
    const ofEtype = this.etypes.get(etype) ?? []
    ofEtype.push(attr)
    this.etypes.set(etype, ofEtype)
  }

  remove(id: string): void {
    const attr = this.ids.get(id)
    if (!attr) return
    this.version++
    this.list = this.list.filter((a) => a.id !== id)
    this.ids.delete(id)
    const [, etype, label] = attr['forward-identity']
    this.forward.delete(`${etype}\u0000${label}`)
    const rev = attr['reverse-identity']
    if (rev) this.reverse.delete(`${rev[1]}\u0000${rev[2]}`)
    const rest = (this.etypes.get(etype) ?? []).filter((a) => a.id !== id)
    if (rest.length) this.etypes.set(etype, rest)
    else this.etypes.delete(etype)
  }
}
