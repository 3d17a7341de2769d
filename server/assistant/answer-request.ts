// One request answered, as a pipeline: context → claim → model (text and material calls streamed
// into the reply) → tools (calls checked against the schema) → write (reply and artifacts in one
// last transaction). The worker (worker.ts) decides when; this file decides how.

import { replyStreamId } from '../../src/data/reply-stream-id.ts'
import type { Logger } from '../instant/shared/log.ts'
import type { AdminDb } from './admin-db.ts'
import { claimReply, type PendingRequest } from './claim-reply.ts'
import { type Claim, finishSteps, type Holder, isTakenByAnother, releaseClaim, renewLease } from './claims.ts'
import type { AssistantConfig } from './config.ts'
import { checkLevels, levelInstructions, modelRewrite } from './materials/level-check.ts'
import { loadMaterialContext, type MaterialContext } from './materials/material-context.ts'
import { MaterialStream } from './materials/material-stream.ts'
import { materialSteps, type TxStep } from './materials/material-writes.ts'
import { materialTools } from './materials/tool-schema.ts'
import {
  type ChatMessage,
  type ChatTool,
  ModelError,
  type ModelEvent,
  requestChars,
  streamModel,
} from './openai-stream.ts'
import { modelMessages } from './prompts/history.ts'
import {
  intentInstructions,
  knownMaterials,
  type MaterialMode,
  materialInstructions,
} from './prompts/material-prompt.ts'
import { systemPrompt } from './prompts/system-prompt.ts'
import { teacherContext } from './prompts/teacher-context.ts'
import { type LiveReply, type LiveReplyState, OPEN_WAIT_MS, openLiveReply } from './reply-stream.ts'
import { ReplyWriter } from './reply-writer.ts'
import { loadRequestContext, type RequestContext } from './request-context.ts'

export interface AnswerDeps {
  db: AdminDb
  config: AssistantConfig
  log: Logger
  /** Shared by the worker's requests: set once the API refused tools, so later ones skip them. */
  tools: { refused: boolean }
  /** This worker, as named in its claims. */
  holder: Holder
  /** Shared by the worker's requests: whether the Instant server takes reply streams. */
  streams: LiveReplyState
}

/** The abort reason for a reply handed back at shutdown (another worker takes it over). */
export const HAND_BACK = 'hand-back'

interface ModelRequest {
  messages: ChatMessage[]
  tools: ChatTool[] | undefined
}

function materialMode(deps: AnswerDeps): MaterialMode {
  const tools = deps.config.toolsMode
  return tools === 'off' || (tools === 'auto' && deps.tools.refused) ? 'blocks' : 'tools'
}

/** The system prompt, the materials and the path, within the history budget together. */
function modelRequest(
  deps: AnswerDeps,
  context: RequestContext,
  materials: MaterialContext,
  mode: MaterialMode,
): ModelRequest {
  const budget = deps.config.historyChars
  const known = knownMaterials(materials.materials, Math.floor(budget / 2))
  const system = [
    systemPrompt(deps.config.systemPrompt, new Date()),
    teacherContext(context.profile),
    materialInstructions(mode),
    known,
    materials.intent && materials.target
      ? intentInstructions(materials.intent, materials.target, mode)
      : undefined,
    levelInstructions(context.path.at(-1)?.text ?? '', materials),
  ]
    .filter(Boolean)
    .join('\n\n')
  const tools = mode === 'tools' ? materialTools() : undefined
  // The whole request stays within ASSISTANT_CONTEXT_CHARS: the history gets what the system
  // prompt and the tools leave (the request itself always goes; too large, streamModel refuses it).
  const room = deps.config.contextChars - requestChars([{ role: 'system', content: system }], tools)
  const history = Math.min(budget - (known?.length ?? 0), room)
  return {
    messages: modelMessages(system, context.path, Math.max(1, history)),
    tools,
  }
}

async function streamWithRetries(
  deps: AnswerDeps,
  request: ModelRequest,
  signal: AbortSignal,
  onEvent: (event: ModelEvent) => void,
): Promise<void> {
  const { config, log } = deps
  for (let attempt = 1; ; attempt++) {
    try {
      for await (const event of streamModel({ ...config, ...request, signal })) onEvent(event)
      return
    } catch (err) {
      const retry = err instanceof ModelError && err.retryable && attempt < config.attempts && !signal.aborted
      if (!retry) throw err
      log.warn('model request failed, trying again', { attempt, error: err.message })
      await new Promise((r) => setTimeout(r, config.retryDelayMs * 3 ** (attempt - 1)))
      if (signal.aborted) throw new ModelError('aborted', 'Stopped')
    }
  }
}

/**
 * Answers `req` with reply `replyId`, claiming it first unless `taken` is a claim this worker already
 * holds (a takeover). Resolves false when the request could not be claimed (deleted meanwhile, or the
 * database is away: look again later), true when answered or claimed by another worker; never rejects.
 */
export async function answerRequest(
  deps: AnswerDeps,
  req: PendingRequest,
  replyId: string,
  signal: AbortSignal,
  taken?: Claim,
): Promise<boolean> {
  // Opened before the claim, so the teacher's devices find the stream as soon as the reply appears.
  const live =
    deps.config.streams && req.ownerId
      ? openLiveReply(deps.db, replyStreamId(req.ownerId, replyId), deps.streams)
      : undefined
  try {
    return await answer(deps, req, replyId, signal, taken, live)
  } finally {
    live?.abort('ended')
  }
}

async function answer(
  deps: AnswerDeps,
  req: PendingRequest,
  replyId: string,
  signal: AbortSignal,
  taken: Claim | undefined,
  live: LiveReply | undefined,
): Promise<boolean> {
  const { db, config, log, holder } = deps
  let context: RequestContext
  let materialContext: MaterialContext
  let claim: Claim
  try {
    ;[context, materialContext] = await Promise.all([
      loadRequestContext(db, req),
      loadMaterialContext(db, req.conversationId, req.intent),
    ])
    if (signal.aborted && !taken) return true
    // Bounded: without the stream the reply is written durably as often as before.
    if (live && !taken) await live.opened(OPEN_WAIT_MS)
    claim = taken ?? (await claimReply(db, req, replyId, config.model, holder))
  } catch (err) {
    if (isTakenByAnother(err)) {
      log.debug('claimed by another worker', { request: req.id })
      return true
    }
    log.warn('could not claim a request', { request: req.id, error: String(err) })
    return false
  }
  log.info('answering', { request: req.id, reply: replyId, ...(taken ? { takeover: claim.slot } : {}) })
  const lease = setInterval(
    () =>
      renewLease(db, claim).catch((err: unknown) => log.warn('lease renewal failed', { error: String(err) })),
    Math.max(1, Math.floor(holder.leaseMs / 3)),
  )
  const closing = () => finishSteps(db, holder, claim)

  const stream = new AbortController()
  const stopStream = () => stream.abort()
  signal.addEventListener('abort', stopStream, { once: true })
  let stoppedByTeacher = false
  let gone = false
  // The teacher's stop button sets the reply's status; deleting the chat deletes the reply.
  const watch = db.subscribeQuery(
    { messages: { $: { where: { id: replyId }, fields: ['status'] } } },
    (payload) => {
      if (payload.type !== 'ok') return
      const row = payload.data.messages[0]
      if (!row) gone = true
      else if (row.status === 'stopped') stoppedByTeacher = true
      else return
      stream.abort()
    },
  )
  const writer = new ReplyWriter(
    db,
    replyId,
    config.flushIntervalMs,
    () => {
      gone = true
      stream.abort()
    },
    live && { reply: live, intervalMs: config.streamFlushIntervalMs },
  )
  let mode = materialMode(deps)
  let materials = new MaterialStream(mode === 'blocks')
  /** The reply reached ASSISTANT_MAX_REPLY_CHARS: the model is stopped and the reply says so. */
  let cutAtLength = false
  const onEvent = (event: ModelEvent) => {
    if (cutAtLength) return
    const text = materials.push(event)
    const room = config.maxReplyChars - writer.length
    writer.append(text.length > room ? text.slice(0, room) : text)
    if (text.length >= room && text) {
      cutAtLength = true
      stream.abort()
    }
    if (materials.hasMaterial) writer.draftsChanged(() => materials.drafts())
  }
  /** The reply's materials as transaction steps (refusals are logged, never written). */
  const stepsFor = async (status: 'done' | 'stopped', calls: ReturnType<MaterialStream['partial']>) => {
    if (!calls.length) return { steps: [] as TxStep[], created: 0, revised: 0 }
    const ownerId = materialContext.ownerId
    if (!ownerId) {
      log.warn('materials not saved: the conversation has no owner', { reply: replyId })
      return { steps: [] as TxStep[], created: 0, revised: 0 }
    }
    const out = await materialSteps(db, {
      ownerId,
      conversationId: req.conversationId,
      replyId,
      status,
      calls,
    })
    for (const r of out.refused)
      log.warn('material refused', { reply: replyId, call: r.callId, error: r.error })
    return { steps: out.steps, created: out.created.length, revised: out.revised.length }
  }

  try {
    try {
      await streamWithRetries(
        deps,
        modelRequest(deps, context, materialContext, mode),
        stream.signal,
        onEvent,
      )
    } catch (err) {
      if (!(err instanceof ModelError && err.toolsRejected && config.toolsMode === 'auto')) throw err
      // Nothing was streamed yet: ask once more, with the block format instead of tools.
      deps.tools.refused = true
      log.warn('the model API refused tools; materials come as text blocks from now on', {
        reply: replyId,
        error: err.message,
      })
      mode = 'blocks'
      materials = new MaterialStream(true)
      await streamWithRetries(
        deps,
        modelRequest(deps, context, materialContext, mode),
        stream.signal,
        onEvent,
      )
    }
    writer.append(materials.end())
    const { valid, rejected } = materials.check()
    for (const r of rejected)
      log.warn('material call invalid, not saved', { reply: replyId, call: r.callId, error: r.error })
    if (writer.length === 0 && !valid.length)
      throw materials.hasMaterial
        ? new ModelError('model-bad-response', 'The model sent only invalid materials')
        : new ModelError('model-empty', 'The model sent an empty reply')
    // Materials that miss their reading level get one rewrite (server/assistant/materials/level-check.ts).
    const leveled = await checkLevels(valid, {
      requestText: req.text,
      context: materialContext,
      rewrite: modelRewrite(config, stream.signal),
      say: (text) => writer.append(text),
      log,
    })
    const saved = await stepsFor('done', leveled)
    await writer.finish('done', undefined, [...saved.steps, ...closing()])
    log.info('answered', {
      reply: replyId,
      chars: writer.length,
      created: saved.created,
      revised: saved.revised,
    })
  } catch (err) {
    const failure = err instanceof ModelError ? err : undefined
    if (gone) {
      log.info('reply deleted (chat deleted, or taken over by another worker)', { reply: replyId })
    } else if (cutAtLength && !stoppedByTeacher && !signal.aborted) {
      // A finished reply, as long as allowed; a material cut off with it is kept as stopped.
      writer.append(materials.end())
      const saved = await stepsFor('stopped', materials.partial()).catch(() => ({ steps: [] as TxStep[] }))
      const mark = db.tx.messages[replyId]!.update({ limit: 'reply-length' }, { upsert: false })
      await writer.finish('done', undefined, [...saved.steps, mark, ...closing()]).catch(() => {})
      log.info('reply cut at its maximum length', { reply: replyId, chars: writer.length })
    } else if (signal.reason === HAND_BACK && !stoppedByTeacher) {
      // Shutdown: nothing more is written; another worker answers the request from the start.
      await writer.settle()
      await releaseClaim(db, claim).catch((err: unknown) =>
        log.warn('could not hand back a reply', { reply: replyId, error: String(err) }),
      )
      log.info('reply handed back', { reply: replyId })
    } else if (stoppedByTeacher || signal.aborted || failure?.kind === 'aborted') {
      // What was written of a material is kept, marked as stopped; no draft is left behind.
      writer.append(materials.end())
      const saved = await stepsFor('stopped', materials.partial()).catch(() => ({ steps: [] as TxStep[] }))
      await writer.finish('stopped', undefined, [...saved.steps, ...closing()]).catch(() => {})
      log.info('reply stopped', { reply: replyId, chars: writer.length })
    } else {
      const code = failure?.kind ?? 'model-bad-response'
      await writer.finish('error', code, closing()).catch(() => {})
      log.warn('reply failed', { reply: replyId, code, detail: String((err as Error)?.message ?? err) })
    }
  } finally {
    clearInterval(lease)
    signal.removeEventListener('abort', stopStream)
    watch.close()
  }
  return true
}
