// One streamed chat completion from an OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Mistral,
// Ollama, vLLM): POST /chat/completions with stream:true, read the server-sent events, yield the
// text deltas. Every failure becomes a ModelError of one kind, classified here and nowhere else.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

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
  'aborted',
] as const

export type ModelErrorKind = (typeof MODEL_ERROR_KINDS)[number]

export class ModelError extends Error {
  constructor(
    readonly kind: ModelErrorKind,
    message: string,
    /** Whether trying again later may help (nothing was streamed yet). */
    readonly retryable = false,
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
  signal: AbortSignal
  idleTimeoutMs: number
}

function errorForStatus(status: number, detail: string): ModelError {
  const says = detail ? `: ${detail}` : ''
  if (status === 401 || status === 403)
    return new ModelError('model-auth', `The model API refused the key (${status})${says}`)
  if (status === 404)
    return new ModelError('model-not-found', `The model or endpoint was not found (404)${says}`)
  if (status === 429)
    return new ModelError('model-rate-limited', `The model API is rate-limiting (429)${says}`, true)
  if (status >= 500)
    return new ModelError('model-unavailable', `The model API failed (${status})${says}`, true)
  return new ModelError('model-rejected', `The model API rejected the request (${status})${says}`)
}

/** The message of an OpenAI-style error body, shortened; never the request. */
async function errorDetail(res: Response): Promise<string> {
  const text = await res.text().catch(() => '')
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown }
    const message = typeof body.error === 'string' ? body.error : (body.error?.message ?? body.message)
    if (typeof message === 'string') return message.slice(0, 300)
  } catch {}
  return text.slice(0, 300)
}

/** The `data:` payloads of a server-sent event stream, one per event. */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder()
  let buffer = ''
  let data: string[] = []
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true })
    let nl = buffer.search(/\r\n|\r|\n/)
    while (nl !== -1) {
      const line = buffer.slice(0, nl)
      buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1))
      if (line === '') {
        if (data.length) yield data.join('\n')
        data = []
      } else if (line.startsWith('data:')) {
        data.push(line.slice(line.startsWith('data: ') ? 6 : 5))
      }
      nl = buffer.search(/\r\n|\r|\n/)
    }
  }
  if (buffer.startsWith('data:')) data.push(buffer.slice(buffer.startsWith('data: ') ? 6 : 5))
  if (data.length) yield data.join('\n')
}

interface Chunk {
  choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[]
  error?: { message?: unknown } | string
}

/**
 * Yields the reply's text deltas until the model finishes. Throws ModelError; `retryable` is set only
 * when nothing has been yielded yet.
 */
export async function* streamChatCompletion(req: StreamRequest): AsyncGenerator<string> {
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
  const failure = (err: unknown): ModelError => {
    if (err instanceof ModelError) return err
    if (req.signal.aborted) return new ModelError('aborted', 'Stopped')
    if (timedOut)
      return new ModelError('model-timeout', `The model sent nothing for ${req.idleTimeoutMs} ms`, !yielded)
    const cause = (err as { cause?: { code?: string } })?.cause?.code
    const where = cause ? ` (${cause})` : ''
    return new ModelError('model-unreachable', `The model API cannot be reached${where}`, !yielded)
  }

  try {
    armIdle()
    let res: Response
    try {
      res = await fetch(`${req.apiUrl}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(req.apiKey ? { authorization: `Bearer ${req.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: req.model, messages: req.messages, stream: true }),
        signal: controller.signal,
      })
    } catch (err) {
      throw failure(err)
    }
    if (!res.ok) throw errorForStatus(res.status, await errorDetail(res))
    if (!res.body) throw new ModelError('model-bad-response', 'The model API answered without a body')
    const type = res.headers.get('content-type') ?? ''
    if (!type.includes('text/event-stream'))
      throw new ModelError(
        'model-bad-response',
        `Expected a stream (text/event-stream), got ${type || 'no content type'}`,
      )

    let finished = false
    try {
      for await (const data of sseData(res.body)) {
        armIdle()
        if (data.trim() === '[DONE]') {
          finished = true
          break
        }
        let chunk: Chunk
        try {
          chunk = JSON.parse(data) as Chunk
        } catch {
          throw new ModelError('model-bad-response', 'The model API sent an event that is not JSON')
        }
        if (chunk.error) {
          const message =
            typeof chunk.error === 'string' ? chunk.error : String(chunk.error.message ?? 'error')
          throw new ModelError(
            'model-unavailable',
            `The model stopped with an error: ${message.slice(0, 300)}`,
            !yielded,
          )
        }
        for (const choice of chunk.choices ?? []) {
          const content = choice.delta?.content
          if (typeof content === 'string' && content) {
            yielded = true
            yield content
          }
          if (choice.finish_reason) finished = true
        }
      }
    } catch (err) {
      throw failure(err)
    }
    // A stream that ends without [DONE] or a finish reason was cut off.
    if (!finished) throw new ModelError('model-bad-response', 'The model stream ended early', !yielded)
  } finally {
    clearTimeout(idle)
    req.signal.removeEventListener('abort', onAbort)
    controller.abort()
  }
}
