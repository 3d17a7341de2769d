// Compiled rules per app, built on first use and kept for the app's lifetime (rules of a running
// app do not change; ephemeral apps get their rules once, at creation).

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
