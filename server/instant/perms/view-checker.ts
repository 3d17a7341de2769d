// Query-time permissions: `view` per entity and `fields` per attribute, as upstream's
// instaql.clj permissioned-node applies them to every triple it returns. Memoised per checker.

import type { TripleStore } from '../model/triple-store.ts'
import type { Json } from '../model/types.ts'
import type { CompiledRules } from './compile-rules.ts'
import { passes } from './evaluate.ts'
import { type AuthUser, type RuleRequest, RuleScope } from './rule-scope.ts'

export interface QueryPermissions {
  /** Whether the entity may be seen at all (`view`). */
  canView: (etype: string, e: string) => boolean
  /** Whether the entity's `label` attribute may be seen (`fields.<label>`; true when unset). */
  canViewField: (etype: string, e: string, label: string) => boolean
}

/**
 * Permission hooks for one query run (create one per run: results are memoised and read the store
 * as it is now). `ruleParams` are the query's `$$ruleParams`. An evaluation error hides the entity
 * (upstream fails the whole query with permission-evaluation-failed).
 */
export function queryPermissions(
  compiled: CompiledRules,
  store: TripleStore,
  auth: AuthUser | null,
  ruleParams: Record<string, Json> | undefined,
  request: RuleRequest = { now: Date.now() },
): QueryPermissions {
  const scope = new RuleScope(store, auth, request)
  const views = new Map<string, boolean>()
  const fields = new Map<string, boolean>()
  return {
    canView(etype, e) {
      const key = `${etype}\u0000${e}`
      let ok = views.get(key)
      if (ok === undefined) {
        ok = passes(compiled.program(etype, 'view'), scope, { data: scope.data(etype, e), ruleParams })
        views.set(key, ok)
      }
      return ok
    },
    canViewField(etype, e, label) {
      const program = label === 'id' ? undefined : compiled.fieldProgram(etype, label)
      if (!program) return true
      const key = `${etype}\u0000${e}\u0000${label}`
      let ok = fields.get(key)
      if (ok === undefined) {
        ok = passes(program, scope, { data: scope.data(etype, e), ruleParams })
        fields.set(key, ok)
      }
      return ok
    },
  }
}

/** `(etype, e) => boolean` for runInstaql's `canView`. */
export function viewChecker(
  compiled: CompiledRules,
  store: TripleStore,
  auth: AuthUser | null,
  ruleParams?: Record<string, Json>,
): (etype: string, e: string) => boolean {
  return queryPermissions(compiled, store, auth, ruleParams).canView
}
