// Compiled rules per app, built on first use and kept until the app's rules are replaced by a push
// (admin/push.ts), which compiles the new rules first and installs them here.

import type { AppDb } from '../app/app-db.ts'
import { InstantError } from '../errors.ts'
import { type CompiledRules, compileRules } from './compile-rules.ts'

const compiledByApp = new WeakMap<AppDb, CompiledRules>()

/** The app's compiled rules (`app.row.rules`); a rule that does not compile is a validation-failed error. */
export function rulesOf(app: AppDb): CompiledRules {
  let compiled = compiledByApp.get(app)
  if (!compiled) {
    try {
      compiled = compileRules(app.row.rules)
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      throw new InstantError('validation-failed', `Invalid permission rules: ${message}`, {
        input: ['rules'],
      })
    }
    compiledByApp.set(app, compiled)
  }
  return compiled
}

/** Compiles `rules` for the app, ahead of storing them; a rule that does not compile throws and changes nothing. */
export function precompileRules(rules: unknown): CompiledRules {
  try {
    return compileRules(rules)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    throw new InstantError('validation-failed', `Invalid permission rules: ${message}`, {
      input: ['rules', 'code'],
    })
  }
}

/** From now on the app is checked with `compiled` (its row must already hold the matching rules). */
export function installRules(app: AppDb, compiled: CompiledRules): void {
  compiledByApp.set(app, compiled)
}
