// The canView hook as the engine uses it: per triple, as the real server's viewable-triple? does
// (a triple is visible when its entity is, as an entity of its attr's etype). Memoized per query.

import type { AttrIndex } from '../model/triple-store.ts'
import type { Triple } from '../model/types.ts'

export type CanView = (etype: string, e: string) => boolean
/** `fields` rules: whether one attribute of a visible entity may be seen. */
export type CanViewField = (etype: string, e: string, label: string) => boolean

export class Visibility {
  private readonly seen = new Map<string, boolean>()
  private readonly fields = new Map<string, boolean>()

  constructor(
    private readonly attrs: AttrIndex,
    private readonly canView: CanView | undefined,
    private readonly canViewField?: CanViewField,
  ) {}

  triple(t: Triple): boolean {
    if (!this.canView && !this.canViewField) return true
    const attr = this.attrs.byId(t[1])
    if (!attr) return true
    const [, etype, label] = attr['forward-identity']
    if (!this.entity(etype, t[0])) return false
    // Matches Instant's viewable-triple?: a field rule hides that attribute's triples only.
    if (!this.canViewField || label === 'id' || attr['value-type'] === 'ref') return true
    const key = `${etype}\u0000${t[0]}\u0000${label}`
    let ok = this.fields.get(key)
    if (ok === undefined) {
      ok = this.canViewField(etype, t[0], label)
      this.fields.set(key, ok)
    }
    return ok
  }

  entity(etype: string, e: string): boolean {
    if (!this.canView) return true
    const key = `${etype}\u0000${e}`
    let ok = this.seen.get(key)
    if (ok === undefined) {
      ok = this.canView(etype, e)
      this.seen.set(key, ok)
    }
    return ok
  }
}
