// The flat, de-duplicated set of triples one query result sends (the client only needs each once).

import type { Triple } from '../model/types.ts'

export class TripleBag {
  private byKey = new Map<string, Triple>()

  /** `isVisible` is the last word on every triple: nothing hidden by a rule is ever sent. */
  constructor(private readonly isVisible: (t: Triple) => boolean = () => true) {}

  add(t: Triple): void {
    if (!this.isVisible(t)) return
    const key = `${t[0]}\u0000${t[1]}\u0000${JSON.stringify(t[2])}`
    if (!this.byKey.has(key)) this.byKey.set(key, t)
  }

  addAll(ts: Iterable<Triple>): void {
    for (const t of ts) this.add(t)
  }

  toArray(): Triple[] {
    return [...this.byKey.values()]
  }
}
