// Sign-up permission: `$users.allow.create`, evaluated when guest or magic-code sign-in creates a
// user, with `data` (and `auth`) = the new user. Upstream: model/app_user.clj assert-signup!.

import { InstantError } from '../errors.ts'
import type { TripleStore } from '../model/triple-store.ts'
import type { Json } from '../model/types.ts'
import type { CelObject } from './cel-env.ts'
import type { CompiledRules } from './compile-rules.ts'
import { passes } from './evaluate.ts'
import { RuleScope, toCel } from './rule-scope.ts'

export interface NewUser {
  id: string
  email?: string | null
  extraFields?: Record<string, Json>
}

/**
 * Throws permission-denied when the rule fails. Only `$users.allow.create` counts (no $default):
 * without it sign-up is allowed, unless extra fields are set, which then need an explicit rule.
 */
export function checkSignup(
  compiled: CompiledRules,
  store: TripleStore,
  user: NewUser,
  now = Date.now(),
): void {
  const extra = user.extraFields ?? {}
  const program = compiled.signupProgram()
  const values: Record<string, Json> = { id: user.id, ...(user.email ? { email: user.email } : {}), ...extra }
  const scope = new RuleScope(store, values as { id: string }, { now })
  const allowed = program
    ? passes(program, scope, {
        data: scope.object('$users', values, user.id),
        newData: toCel(values) as CelObject,
      })
    : Object.keys(extra).length === 0
  if (!allowed) {
    throw new InstantError('permission-denied', 'Permission denied: not perms-pass?', {
      input: ['$users', 'create'],
      expected: 'perms-pass?',
    })
  }
}
