// Runs one compiled rule against a RuleScope and answers pass or fail. Pure: no store writes.

import type { Json } from '../model/types.ts'
import { CelObject } from './cel-env.ts'
import type { Program } from './compile-rules.ts'
import { type RuleScope, toCel } from './rule-scope.ts'

export interface RuleInput {
  data: CelObject
  newData?: CelObject
  linkedData?: CelObject
  actions?: Record<string, string>
  ruleParams?: Record<string, Json>
  modifiedFields?: string[]
}

/**
 * True when the rule passes. No program means allowed (upstream's `{:result true}`). A result
 * passes when it is neither false nor null, as upstream's Clojure truthiness reads it. An
 * evaluation error denies: upstream raises permission-evaluation-failed, which rejects a tx just
 * the same (queries: see view-checker.ts).
 */
export function passes(program: Program | undefined, scope: RuleScope, input: RuleInput): boolean {
  if (!program) return true
  const vars: Record<string, unknown> = {
    data: input.data,
    auth: scope.authObject(),
    ruleParams: toCel(input.ruleParams ?? {}),
    request: scope.requestInfo(input.modifiedFields),
  }
  if (input.newData) vars.newData = input.newData
  if (input.linkedData) vars.linkedData = input.linkedData
  if (input.actions) vars.actions = new CelObject(Object.entries(input.actions))
  try {
    const result: unknown = program.run(vars)
    return result !== false && result !== null && result !== undefined
  } catch {
    return false
  }
}
