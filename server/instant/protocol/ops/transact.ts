// `transact`: applies the client's tx-steps atomically and answers `transact-ok` once durable.

import { InstantError } from '../../errors.ts'
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
  const commit = app.transact(steps, { isAdmin: session.isAdmin })
  session.send({ op: 'transact-ok', 'client-event-id': frame['client-event-id'], 'tx-id': commit.txId })
}
