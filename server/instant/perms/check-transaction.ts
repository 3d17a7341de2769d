// Transaction permissions: which rule each tx-step needs (upstream permissioned_transaction.clj
// pre-checks / post-create-checks) and the one error a failing rule becomes. Runs inside
// AppDb.transact's `check`, after the write in memory and before it is persisted.

import { InstantError, validationFailed } from '../errors.ts'
import type { TxOutcome } from '../tx/apply-tx-steps.ts'
import type { TxLog } from '../tx/tx-log.ts'
import { storeBefore } from './before-store.ts'
import type { CompiledRules } from './compile-rules.ts'
import { type AuthUser, RuleScope } from './rule-scope.ts'
import { TxChecks } from './tx-checks.ts'
import { type StepTarget, stepTargets } from './tx-step-targets.ts'

export interface TxCheckInput {
  /** The tx-steps exactly as applied. */
  steps: readonly unknown[]
  log: TxLog
  outcome: TxOutcome
  auth: AuthUser | null
  /** Admin without impersonation: every rule is skipped, as upstream's admin? path does. */
  isAdmin: boolean
  now: number
  origin?: string | null
  ip?: string | null
}

/** Throws InstantError (permission-denied, or validation-failed for system entities) to reject the tx. */
export function checkTransaction(compiled: CompiledRules, input: TxCheckInput): void {
  if (input.isAdmin) return
  const before = storeBefore(input.log)
  const request = { now: input.now, origin: input.origin, ip: input.ip }
  const targets = stepTargets(input.steps, before, input.log.store)
  const checks = new TxChecks(
    compiled,
    new RuleScope(before, input.auth, request),
    new RuleScope(input.log.store, input.auth, request),
    targets,
    input.outcome.ruleParams,
  )
  const createdAttrs = new Set(
    input.log.changes.flatMap((c) => (c.kind === 'put-attr' && !c.previous ? [c.attr.id] : [])),
  )
  for (const target of targets) addChecks(checks, target, createdAttrs)
  const failed = checks.firstFailure()
  if (failed) {
    throw new InstantError('permission-denied', 'Permission denied: not perms-pass?', {
      input: [failed.etype, failed.scope],
      expected: 'perms-pass?',
    })
  }
}

function addChecks(checks: TxChecks, t: StepTarget, createdAttrs: Set<string>): void {
  if (t.op === 'add-attr') {
    if (typeof t.attr.id === 'string' && createdAttrs.has(t.attr.id.toLowerCase()))
      checks.addAttrCheck(t.attr)
    return
  }
  const { etype, e } = t
  if (t.op === 'delete-entity') {
    // Matches upstream validate-system-delete-entity!: only admins delete system rows ($files aside).
    if (etype.startsWith('$') && etype !== '$files') {
      throw validationFailed(`${etype} is a system entity. You aren't allowed to delete this directly.`, {
        'tx-step': ['delete-entity', e, etype],
      })
    }
    const program = checks.compiled.program(etype, 'delete')
    checks.add('pre', etype, e, program, {
      data: checks.before.data(etype, e),
      ruleParams: checks.ruleParams(e),
    })
    return
  }
  if (t.link) {
    addLinkChecks(checks, t, t.link)
    return
  }
  if (checks.existedBefore(etype, e)) {
    // Stricter than upstream, which checks nothing for a retract of a plain attribute.
    checks.update(etype, e, checks.ruleParams(e))
  } else if (t.op !== 'retract-triple') {
    if (etype === '$users') {
      throw validationFailed("$users is a system entity. You aren't allowed to create this directly.", {
        'tx-step': [t.op, e, t.attr.id],
      })
    }
    checks.create(etype, e, checks.ruleParams(e))
  }
}

type TripleTarget = Extract<StepTarget, { op: 'add-triple' | 'deep-merge-triple' | 'retract-triple' }>

/**
 * A link or unlink: the `link.<label>` / `unlink.<label>` rule of either side when one is set,
 * else `update` (or `create`) on the entity holding the link and `view` on the linked one.
 */
function addLinkChecks(checks: TxChecks, t: TripleTarget, link: { etype: string; e: string }): void {
  const { etype, e, attr } = t
  const kind = t.op === 'retract-triple' ? 'unlink' : 'link'
  const program = checks.compiled.linkProgram(etype, attr['forward-identity'][2], kind)
  const revProgram = checks.compiled.linkProgram(link.etype, attr['reverse-identity']![2], kind)
  const existed = checks.existedBefore(etype, e)
  const linkExisted = checks.existedBefore(link.etype, link.e)
  const linkCreated = !linkExisted && checks.existsAfter(link.etype, link.e)
  const params = checks.ruleParams(link.e, e)
  const revParams = checks.ruleParams(e, link.e)
  const { before, after } = checks

  if (!program && !revProgram) {
    if (existed) checks.update(etype, e, params)
    else if (kind === 'link') checks.create(etype, e, params)
    if (linkExisted) checks.view('pre', link.etype, link.e, revParams)
    else if (kind === 'link' && linkCreated) checks.view('post', link.etype, link.e, revParams)
    return
  }
  const actions = (self: string, other: boolean) =>
    kind === 'link' ? { data: self, linkedData: other ? 'update' : 'create' } : undefined
  if (existed) {
    checks.add('pre', etype, e, program, {
      data: before.data(etype, e),
      newData: after.plain(etype, e),
      linkedData: linkExisted ? before.data(link.etype, link.e) : undefined,
      actions: actions('update', linkExisted),
      ruleParams: params,
    })
  } else if (kind === 'link') {
    checks.add('post', etype, e, program, {
      data: after.data(etype, e),
      newData: after.plain(etype, e),
      linkedData: checks.existsAfter(link.etype, link.e) ? after.data(link.etype, link.e) : undefined,
      actions: actions('create', linkExisted),
      ruleParams: params,
    })
  }
  if (linkExisted) {
    checks.add('pre', link.etype, link.e, revProgram, {
      data: before.data(link.etype, link.e, kind === 'link' ? { $action: 'update' } : {}),
      newData: after.plain(link.etype, link.e),
      linkedData:
        kind === 'link' ? before.object(etype, after.fields(etype, e) ?? {}, e) : before.data(etype, e),
      actions: actions('update', existed),
      ruleParams: revParams,
    })
  } else if (kind === 'link' && linkCreated) {
    checks.add('post', link.etype, link.e, revProgram, {
      data: after.data(link.etype, link.e),
      newData: after.plain(link.etype, link.e),
      linkedData: after.data(etype, e),
      actions: actions('create', existed),
      ruleParams: revParams,
    })
  }
}
