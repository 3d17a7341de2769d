// server/instant/perms: Instant's permission rules — compile, then filter queries and check
// transactions and sign-ups. The only public surface; reads data through TripleStore, never SQL.

export { installRules, precompileRules, rulesOf } from './app-rules.ts'
export { storeBefore } from './before-store.ts'
export { checkTransaction, type TxCheckInput } from './check-transaction.ts'
export { type CompiledRules, compileRules, type Program, validateRules } from './compile-rules.ts'
export { ruleEtypes } from './rule-etypes.ts'
export type { AuthUser, RuleRequest } from './rule-scope.ts'
export { checkSignup, type NewUser } from './signup.ts'
export { assertStreamPermission, type StreamAction, type StreamRuleInput } from './stream-rules.ts'
export { type QueryPermissions, queryPermissions, viewChecker } from './view-checker.ts'
