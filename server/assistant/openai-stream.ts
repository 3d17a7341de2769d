// One streamed chat completion from an OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Mistral,
// Ollama, vLLM) through the official `openai` client: yields text deltas and tool-call deltas. Every
// failure becomes a ModelError of one kind, classified here and nowhere else.

import OpenAI, { APIError, APIUserAbortError } from 'openai'
import type { ChatCompletionFunctionTool } from 'openai/resources/chat/completions'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export type ChatTool = ChatCompletionFunctionTool

/** Stable codes: the worker stores them on the reply and the app shows them in the reader's language. */
export const MODEL_ERROR_KINDS = [
  'model-unreachable',
  'model-auth',
  'model-not-found',
  'model-rate-limited',
  'model-unavailable',
  'model-rejected',
  'model-bad-response',
  'model-timeout',
  'model-empty',
  /** The request would be larger than ASSISTANT_CONTEXT_CHARS even with the history cut: never sent. */
  'context-too-large',
  'aborted',
] as const

export type ModelErrorKind = (typeof MODEL_ERROR_KINDS)[number]

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    /** Whether trying again later may help (nothing was streamed yet). */
    readonly retryable = false,
    /** The API refused the request's `tools` (a model without function calling). */
    readonly toolsRejected = false,
  ) {
    super(message)
    this.name = 'ModelError'
  }
}

export interface StreamRequest {
  apiUrl: string
  apiKey: string | undefined
  model: string
  messages: ChatMessage[]
  /** Functions the model may call; none are sent when empty. */
  tools?: ChatTool[] | undefined
  signal: AbortSignal
  idleTimeoutMs: number
  /** Replaces the network (tests feed exact byte reads through it). */
  fetch?: typeof fetch | undefined
  /** The most characters the messages and tool definitions may carry together; larger is never sent. */
  contextChars?: number | undefined
}

/** What a request carries, in characters: every message's content and the tool definitions. */
export function requestChars(messages: ChatMessage[], tools?: ChatTool[]): number {
  let n = tools?.length ? JSON.stringify(tools).length : 0
  for (const m of messages) n += m.content.length
  return n
}

/** What the model sends, in order. A tool call arrives in pieces that share `index`. */
export type ModelEvent =
  | { type: 'text'; text: string }
  | { type: 'tool'; index: number; id?: string; name?: string; arguments: string }

// A 400/422 that names tools or functions: the model or server has no function calling.
const TOOLS_REJECTED = /tool|function/i

function errorForStatus(status: number, detail: string, sentTools: boolean): ModelError {
  const says = detail ? `: ${detail}` : ''
  if (status === 401 || status === 403)
    return new ModelError('model-auth', `The model API refused the key (${status})${says}`)
  if (status === 404)
    return new ModelError('model-not-found', `The model or endpoint was not found (404)${says}`)
  if (status === 429)
    return new ModelError('model-rate-limited', `The model API is rate-limiting (429)${says}`, true)
  if (status >= 500)
    return new ModelError('model-unavailable', `The model API failed (${status})${says}`, true)
  const toolsRejected = sentTools && (status === 400 || status === 422) && TOOLS_REJECTED.test(detail)
  return new ModelError(
    'model-rejected',
    `The model API rejected the request (${status})${says}`,
    false,
    toolsRejected,
  )
}

/** The API's own message, shortened; never the request. */
function apiMessage(err: APIError): string {
  const e = err.error as { message?: unknown } | string | undefined
  const message = typeof e === 'string' ? e : e?.message
  return (typeof message === 'string' ? message : err.message).slice(0, 300)
}

/**
 * Yields the model's text and tool-call deltas until it finishes. Throws ModelError; `retryable` is
 * set only when nothing has been yielded yet.
 */
export async function* streamModel(req: StreamRequest): AsyncGenerator<ModelEvent> {
  const size = requestChars(req.messages, req.tools)
  if (req.contextChars !== undefined && size > req.contextChars)
    throw new ModelError(
      'context-too-large',
      `The request has ${size} characters, the budget ${req.contextChars}`,
    )
  // One controller for the caller's abort and for silence from the model.
  const controller = new AbortController()
  let timedOut = false
  let idle: NodeJS.Timeout | undefined
  const armIdle = () => {
    clearTimeout(idle)
    idle = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, req.idleTimeoutMs)
  }
  const onAbort = () => controller.abort()
  req.signal.addEventListener('abort', onAbort, { once: true })
  if (req.signal.aborted) controller.abort()

  let yielded = false
  const sentTools = !!req.tools?.length
  // The client's own aborts end its stream quietly; which abort it was decides the code.
  const stopped = (): ModelError | undefined => {
    if (req.signal.aborted) return new ModelError('aborted', 'Stopped')
    if (timedOut)
      return new ModelError('model-timeout', `The model sent nothing for ${req.idleTimeoutMs} ms`, !yielded)
    return undefined
  }
  const failure = (err: unknown): ModelError => {
    if (err instanceof ModelError) return err
    const abort = stopped()
    if (abort) return abort
    if (err instanceof APIUserAbortError) return new ModelError('aborted', 'Stopped')
    if (err instanceof APIError && err.status) return errorForStatus(err.status, apiMessage(err), sentTools)
    // An error object inside the stream (the client throws it without a status).
    if (err instanceof APIError && err.error)
      return new ModelError(
        'model-unavailable',
        `The model stopped with an error: ${apiMessage(err)}`,
        !yielded,
      )
    if (err instanceof SyntaxError)
      return new ModelError('model-bad-response', 'The model API sent an event that is not JSON')
    const cause = (err as { cause?: { code?: string; cause?: { code?: string } } })?.cause
    const code = cause?.code ?? cause?.cause?.code
    const where = code ? ` (${code})` : ''
    return new ModelError('model-unreachable', `The model API cannot be reached${where}`, !yielded)
  }

  const client = new OpenAI({
    baseURL: req.apiUrl,
    // The client insists on a key; local models have none, so the header is then left out.
    apiKey: req.apiKey ?? 'none',
    ...(req.apiKey ? {} : { defaultHeaders: { Authorization: null } }),
    // Only what ASSISTANT_* says goes to the endpoint, never OPENAI_ORG_ID/OPENAI_PROJECT_ID.
    organization: null,
    project: null,
    // Retries and the idle timeout are the worker's own (before the first token only).
    maxRetries: 0,
    logLevel: 'off',
    ...(req.fetch ? { fetch: req.fetch } : {}),
  })

  try {
    armIdle()
    let finished = false
    try {
      const stream = await client.chat.completions.create(
        {
          model: req.model,
          messages: req.messages,
          stream: true,
          ...(sentTools ? { tools: req.tools } : {}),
        },
        { signal: controller.signal },
      )
      for await (const chunk of stream) {
        armIdle()
        for (const choice of chunk.choices ?? []) {
          const delta = choice.delta
          const content = delta?.content
          if (typeof content === 'string' && content) {
            yielded = true
            yield { type: 'text', text: content }
          }
          for (const call of delta?.tool_calls ?? []) {
            yielded = true
            yield {
              type: 'tool',
              index: call.index ?? 0,
              ...(call.id ? { id: call.id } : {}),
              ...(call.function?.name ? { name: call.function.name } : {}),
              arguments: call.function?.arguments ?? '',
            }
          }
          if (choice.finish_reason) finished = true
        }
      }
    } catch (err) {
      throw failure(err)
    }
    const abort = stopped()
    if (abort) throw abort
    // A stream that ends without a finish reason was cut off (or was no stream at all).
    if (!finished) throw new ModelError('model-bad-response', 'The model stream ended early', !yielded)
  } finally {
    clearTimeout(idle)
    req.signal.removeEventListener('abort', onAbort)
    controller.abort()
  }
}

/** The reply's text deltas only (a request without tools). */
export async function* streamChatCompletion(req: StreamRequest): AsyncGenerator<string> {
  for await (const event of streamModel(req)) if (event.type === 'text') yield event.text
}
