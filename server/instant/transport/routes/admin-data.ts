// The admin SDK's data endpoints: /admin/transact (high-level ops) and /admin/query (object tree),
// acting as the admin or, with as-email / as-token / as-guest, as a user under the app's rules.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { adminSession } from '../../admin/admin-actor.ts'
import { adminOpsToTxSteps } from '../../admin/admin-steps.ts'
import { resultTree, resultTreeWithPageInfo } from '../../admin/result-tree.ts'
import type { ServerContext } from '../../context.ts'
import { InstantError } from '../../errors.ts'
import type { Frame } from '../../protocol/frames.ts'
import { openEventStream, readJson, sendJson } from '../http-io.ts'

export async function handleAdminTransact(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const { session, frames, app } = adminSession(ctx, req, url)
  const body = await readJson(req, ctx.limits.maxFrameBytes)
  const steps = adminOpsToTxSteps(app.store.attrs, body.steps, body['throw-on-missing-attrs?'] === true)
  session.dispatch({ op: 'transact', 'tx-steps': steps })
  const ok = frames.find((f) => f.op === 'transact-ok')
  if (!ok) throw new InstantError('validation-failed', 'The transaction was not applied')
  sendJson(res, 200, { 'tx-id': ok['tx-id'] })
}

export async function handleAdminQuery(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  const { session } = adminSession(ctx, req, url)
  const body = await readJson(req, ctx.limits.maxFrameBytes)
  const q = body.query
  if (!q || typeof q !== 'object' || Array.isArray(q)) {
    throw new InstantError('param-malformed', 'query must be an InstaQL object', { input: ['query'] })
  }
  sendJson(res, 200, resultTree(session, q as Record<string, unknown>, body['inference?'] === true))
}

/**
 * /admin/subscribe-query: an SSE stream of the query's object tree — `add-query-ok` first, then a
 * `refresh-ok` whenever the result changes — for server-side workers such as the assistant.
 */
export async function handleAdminSubscribe(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) {
  let onFrames: (frames: Frame | Frame[]) => void = () => {}
  const { session, app } = adminSession(ctx, req, url, (frames) => onFrames(frames))
  const body = await readJson(req, ctx.limits.maxFrameBytes)
  const q = body.query
  if (!q || typeof q !== 'object' || Array.isArray(q)) {
    throw new InstantError('param-malformed', 'query must be an InstaQL object', { input: ['query'] })
  }
  const inference = body['inference?'] === true
  const query = q as Record<string, unknown>
  const write = openEventStream(req, res, () => session.close())
  write({ op: 'sse-init', 'machine-id': app.id, 'session-id': session.id })
  // The session's own frames carry triples; replace each result with the tree the admin SDK expects.
  onFrames = (frames) => {
    for (const f of Array.isArray(frames) ? frames : [frames]) {
      if (f.op === 'error') write(f)
      if (f.op !== 'add-query-ok' && f.op !== 'refresh-ok') continue
      const { data, meta } = resultTreeWithPageInfo(session, query, inference)
      if (f.op === 'add-query-ok') write({ op: 'add-query-ok', q: query, result: data, 'result-meta': meta })
      else {
        write({
          op: 'refresh-ok',
          computations: [{ 'instaql-query': query, 'instaql-result': data, 'result-meta': meta }],
        })
      }
    }
  }
  ctx.refresher.attach(session)
  session.receive(JSON.stringify({ op: 'add-query', q: query, 'client-event-id': session.id }))
}
