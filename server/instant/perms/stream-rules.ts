// `$streams` rules for Instant Streams: `create` sees data {clientId}, `view` the stream's fields;
// both see ruleParams. No rule denies (upstream app_stream.clj); the caller skips this for the admin.

import { InstantError } from '../errors.ts'
import type { TripleStore } from '../model/triple-store.ts'
import type { Json } from '../model/types.ts'
import type { CompiledRules } from './compile-rules.ts'
import { passes } from './evaluate.ts'
import { type AuthUser, RuleScope } from './rule-scope.ts'

export type StreamAction = 'create' | 'view'

export interface StreamRuleInput {
  action: StreamAction
  /** create: {clientId}; view: {id, clientId, done, size, abortReason}. */
  data: Record<string, Json>
  auth: AuthUser | null
  ruleParams?: Record<string, Json>
  now?: number
}

/** Throws permission-denied unless the app's `$streams.allow.<action>` passes. */
export function assertStreamPermission(
  compiled: CompiledRules,
  store: TripleStore,
  input: StreamRuleInput,
): void {
  const program = compiled.program('$streams', input.action)
  const scope = new RuleScope(store, input.auth, { now: input.now ?? Date.now() })
  // compiled.program falls back to `false` for $streams, so an app without a rule denies.
  const allowed =
    program !== undefined &&
    passes(program, scope, { data: scope.object('$streams', input.data), ruleParams: input.ruleParams })
  if (!allowed) {
    throw new InstantError('permission-denied', 'Permission denied: not perms-pass?', {
      input: ['$streams', input.action],
      expected: 'perms-pass?',
    })
  }
}
