// `add-query` / `remove-query`: subscribes the session to an InstaQL query and answers with the
// flat triple bag and page-info the client rebuilds its result from.

import { InstantError } from '../../errors.ts'
import { subscriptionEtypes } from '../../reactive/subscription-etypes.ts'
import { digest, type Frame, stableKey } from '../frames.ts'
import { runSessionQuery } from '../run-session-query.ts'
import type { Session } from '../session.ts'

export function handleAddQuery(session: Session, frame: Frame): void {
  const q = frame.q
  if (!q || typeof q !== 'object' || Array.isArray(q)) {
    throw new InstantError('param-malformed', 'add-query needs q, an InstaQL object', { input: ['q'] })
  }
  const key = stableKey(q)
  if (session.subs.has(key)) {
    session.send({ op: 'add-query-exists', q, 'client-event-id': frame['client-event-id'] })
    return
  }
  if (session.subs.size >= session.deps.limits.maxQueriesPerSession) {
    throw new InstantError(
      'rate-limited',
      `A session may hold at most ${session.deps.limits.maxQueriesPerSession} queries`,
    )
  }
  const app = session.requireApp()
  const processedTxId = app.lastTxId()
  const result = runSessionQuery(session, q as Record<string, unknown>)
  session.subs.set(key, {
    q: q as Record<string, unknown>,
    etypes: subscriptionEtypes(app, q as Record<string, unknown>),
    digest: digest(result),
  })
  session.send({
    op: 'add-query-ok',
    q,
    'client-event-id': frame['client-event-id'],
    'processed-tx-id': processedTxId,
    'result-meta': null,
    result,
  })
}

export function handleRemoveQuery(session: Session, frame: Frame): void {
  const q = frame.q
  if (!q || typeof q !== 'object')
    throw new InstantError('param-malformed', 'remove-query needs q', { input: ['q'] })
  session.subs.delete(stableKey(q))
  session.send({ op: 'remove-query-ok', q, 'client-event-id': frame['client-event-id'] })
}
