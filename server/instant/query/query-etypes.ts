// Which etypes a query reads, so the reactive layer can skip recomputing it after a transaction
// that touched none of them. Pure: looks only at the query and the attrs.

import type { AttrIndex } from '../model/triple-store.ts'
import type { Attr } from '../model/types.ts'
import { isPlainObject } from './invalid-query.ts'

/**
 * Every etype q reads: top-level namespaces, nested forms and where paths. A link counts with both
 * of its etypes, since its triples live on the forward side whichever way it is read.
 * Never throws: malformed parts are skipped (runInstaql reports them).
 */
export function queryEtypes(q: unknown, attrs: AttrIndex): Set<string> {
  const out = new Set<string>()
  if (!isPlainObject(q)) return out
  for (const [etype, body] of Object.entries(q)) {
    if (etype !== '$$ruleParams') visitForm(attrs, etype, body, out)
  }
  return out
}

function visitForm(attrs: AttrIndex, etype: string, body: unknown, out: Set<string>): void {
  out.add(etype)
  if (!isPlainObject(body)) return
  const options = body.$
  if (isPlainObject(options) && isPlainObject(options.where)) visitWhere(attrs, etype, options.where, out)
  for (const [label, child] of Object.entries(body)) {
    if (label === '$') continue
    const next = follow(attrs, etype, label, out)
    if (next !== undefined) visitForm(attrs, next, child, out)
  }
}

function visitWhere(attrs: AttrIndex, etype: string, where: Record<string, unknown>, out: Set<string>): void {
  for (const [key, v] of Object.entries(where)) {
    if ((key === 'or' || key === 'and') && Array.isArray(v)) {
      for (const clause of v) if (isPlainObject(clause)) visitWhere(attrs, etype, clause, out)
      continue
    }
    let at: string | undefined = etype
    for (const label of key.split('.')) {
      if (at === undefined) break
      at = follow(attrs, at, label, out)
    }
  }
}

/** The etype across a link label (recording both ends), or undefined for data attrs and unknowns. */
function follow(attrs: AttrIndex, etype: string, label: string, out: Set<string>): string | undefined {
  const fwd = attrs.byForward(etype, label)
  const attr: Attr | undefined = fwd ?? attrs.byReverse(etype, label)
  if (attr?.['value-type'] !== 'ref') return undefined
  const from = attr['forward-identity'][1]
  const to = attr['reverse-identity']?.[1]
  out.add(from)
  if (to !== undefined) out.add(to)
  return fwd ? to : from
}
