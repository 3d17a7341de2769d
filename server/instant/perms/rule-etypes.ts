// Which etypes an etype's view rule reads through `data.ref(...)` / `auth.ref(...)`, so a live query
// refreshes when a change elsewhere alters what its user may see (e.g. a conversation's owner).

import type { AttrIndex } from '../model/triple-store.ts'

const REF_CALL = /\b(data|auth)\.ref\(\s*['"]([^'"]+)['"]\s*\)/g

type RulesObject = Record<string, { allow?: Record<string, unknown>; bind?: unknown } | undefined>

function ruleTexts(rules: RulesObject, etype: string): string[] {
  const out: string[] = []
  for (const ns of [etype, '$default']) {
    const block = rules[ns]
    if (!block) continue
    for (const v of Object.values(block.allow ?? {})) if (typeof v === 'string') out.push(v)
    const bind = block.bind
    if (Array.isArray(bind)) out.push(...bind.filter((x): x is string => typeof x === 'string'))
    else if (bind && typeof bind === 'object')
      out.push(...Object.values(bind).filter((x): x is string => typeof x === 'string'))
  }
  return out
}

/** Etypes along every ref path in the rules that guard `etype` (links walked in both directions). */
export function ruleEtypes(rules: unknown, attrs: AttrIndex, etype: string): Set<string> {
  const out = new Set<string>()
  if (!rules || typeof rules !== 'object') return out
  for (const text of ruleTexts(rules as RulesObject, etype)) {
    for (const [, root, path] of text.matchAll(REF_CALL)) {
      const labels = path!.split('.')
      let current = root === 'auth' ? '$users' : etype
      if (root === 'auth') labels.shift()
      out.add(current)
      for (const label of labels.slice(0, -1)) {
        const fwd = attrs.byForward(current, label)
        const rev = fwd ? undefined : attrs.byReverse(current, label)
        const next = fwd?.['reverse-identity']?.[1] ?? rev?.['forward-identity'][1]
        if (!next) break
        current = next
        out.add(current)
      }
    }
  }
  return out
}
