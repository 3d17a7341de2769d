// The canView hook as the engine uses it: per triple, as the real server's viewable-triple? does
// (a triple is visible when its entity is, as an entity of its attr's etype). Memoized per query.

import type { AttrIndex } from '../model/triple-store.ts'
import type { Triple } from '../model/types.ts'

export type CanView = (etype: string, e: string) => boolean

export class Visibility {
  private readonly seen = new Map<string, boolean>()

  constructor(
    private readonly attrs: AttrIndex,
    private readonly canView: CanView | undefined,
  ) {}

  triple(t: Triple): boolean {
    if (!this.canView) return true
    const etype = this.attrs.byId(t[1])?.['forward-identity'][1]
    return etype === undefined || this.entity(etype, t[0])
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
