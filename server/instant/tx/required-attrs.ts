// Instant's validate-required!: after a transaction, every live entity it touched must have a
// non-null value for each required attr of its etype.

import { validationFailed } from '../errors.ts'
import type { TripleStore } from '../model/triple-store.ts'

export function checkRequiredAttrs(
  store: TripleStore,
  touched: Iterable<{ etype: string; e: string }>,
): void {
  const missing: string[] = []
  for (const { etype, e } of touched) {
    if (!store.hasEntity(etype, e)) continue
    for (const attr of store.attrs.ofEtype(etype)) {
      if (!attr['required?']) continue
      const v = store.valueOf(e, attr.id)
      if (v === undefined || v === null) {
        missing.push(`Missing required attribute \`${etype}/${attr['forward-identity'][2]}\`: ${e}`)
      }
    }
  }
  if (missing.length) throw validationFailed(missing.join('. '), { records: missing })
}
