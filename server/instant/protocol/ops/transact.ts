// `transact`: applies the client's tx-steps atomically and answers `transact-ok` once durable.

import { InstantError } from '../../errors.ts'
import { checkTransaction, rulesOf } from '../../perms/index.ts'
import type { Frame } from '../frames.ts'
import type { Session } from '../session.ts'

export function handleTransact(session: Session, frame: Frame): void {
  const steps = frame['tx-steps']
  if (!Array.isArray(steps))
    throw new InstantError('param-malformed', 'transact needs tx-steps, an array', { input: ['tx-steps'] })
  if (steps.length > session.deps.limits.maxTxSteps) {
    throw new InstantError(
      'oversized',
      `A transaction may have at most ${session.deps.limits.maxTxSteps} tx-steps`,
    )
  }
  const app = session.requireApp()
  const isAdmin = session.isAdmin
  const rules = isAdmin ? undefined : rulesOf(app)
  const commit = app.transact(steps, {
    isAdmin,
    check: rules
      ? (log, outcome) =>
          checkTransaction(rules, { steps, log, outcome, auth: session.user, isAdmin, now: Date.now() })
      : undefined,
  })
  session.send({ op: 'transact-ok', 'client-event-id': frame['client-event-id'], 'tx-id': commit.txId })
}
