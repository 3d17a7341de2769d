// Reads the assistant worker's model settings from the environment. No model configured is a valid
// state (the app then waits visibly); a half-configured model is a startup error naming what is missing.

import { MIN_KEEP_HOURS } from './claims-cleanup.ts'

export interface AssistantConfig {
  /** Base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1. */
  apiUrl: string
  apiKey: string | undefined
  model: string
  systemPrompt: string | undefined
  /** Replies written at once; further requests wait their turn. */
  concurrency: number
  /** A model that sends nothing for this long is given up on. */
  idleTimeoutMs: number
  /** How often streamed text is written to the database while a reply grows. */
  flushIntervalMs: number
  /** Each reply's tokens also go through an Instant stream (reply-stream.ts); off: durable writes only. */
  streams: boolean
  /** How often the text is written to the database while the reply's stream carries the tokens. */
  streamFlushIntervalMs: number
  /** Characters of earlier conversation sent with a request (newest first, whole messages). */
  historyChars: number
  /** Attempts for a request that fails before the first token (network, 429, 5xx). */
  attempts: number
  retryDelayMs: number
  /**
   * Function calling for materials: 'on' always sends the tools, 'off' never (the model writes
   * `:::material` blocks), 'auto' sends them until the API refuses tools once, then falls back.
   */
  toolsMode: ToolsMode
  /** A claim not renewed for this long (a crashed worker's) is taken over by another worker. */
  leaseMs: number
  /** At shutdown, replies still running after this long are handed back to other workers. */
  shutdownMs: number
  /** Takeovers of one reply before it is failed as interrupted instead. */
  maxTakeovers: number
  /** Per teacher: prompts answered per minute and per day (0: no limit). */
  ratePerMinute: number
  ratePerDay: number
  /** The longest reply in characters: the model is stopped there and the reply says so. */
  maxReplyChars: number
  /** The most characters one model request may carry (messages and tool definitions together). */
  contextChars: number
  /** Settled claim records older than this are removed (claims-cleanup.ts); at least a day and an hour. */
  claimsKeepHours: number
}

export type ToolsMode = 'auto' | 'on' | 'off'
const TOOLS_MODES: readonly ToolsMode[] = ['auto', 'on', 'off']

function toolsMode(env: NodeJS.ProcessEnv): ToolsMode {
  const raw = env.ASSISTANT_TOOLS?.trim().toLowerCase() || 'auto'
  if (!(TOOLS_MODES as readonly string[]).includes(raw))
    throw new Error(`ASSISTANT_TOOLS must be auto, on or off, got ${JSON.stringify(env.ASSISTANT_TOOLS)}`)
  return raw as ToolsMode
}

const DEFAULTS = {
  concurrency: 4,
  idleTimeoutMs: 120_000,
  flushIntervalMs: 250,
  streamFlushIntervalMs: 1_000,
  historyChars: 24_000,
  attempts: 3,
  retryDelayMs: 1_000,
  leaseMs: 30_000,
  shutdownMs: 10_000,
  maxTakeovers: 2,
  ratePerMinute: 20,
  ratePerDay: 500,
  maxReplyChars: 40_000,
  contextChars: 64_000,
  claimsKeepHours: 48,
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be a whole number ≥ ${min}, got ${JSON.stringify(raw)}`)
  return n
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase()
  if (!raw) return fallback
  if (raw === 'on') return true
  if (raw === 'off') return false
  throw new Error(`${name} must be on or off, got ${JSON.stringify(env[name])}`)
}

export function readAssistantConfig(env: NodeJS.ProcessEnv): AssistantConfig | null {
  const apiUrl = env.ASSISTANT_API_URL?.trim()
  const model = env.ASSISTANT_MODEL?.trim()
  if (!apiUrl && !model) return null
  if (!apiUrl) throw new Error('ASSISTANT_MODEL is set but ASSISTANT_API_URL is not: set both, or neither')
  if (!model) throw new Error('ASSISTANT_API_URL is set but ASSISTANT_MODEL is not: set both, or neither')
  let url: URL
  try {
    url = new URL(apiUrl)
  } catch {
    throw new Error(`ASSISTANT_API_URL is not a URL: ${JSON.stringify(apiUrl)}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error(`ASSISTANT_API_URL must be http(s), got ${url.protocol}`)
  return {
    apiUrl: apiUrl.replace(/\/+$/, ''),
    apiKey: env.ASSISTANT_API_KEY?.trim() || undefined,
    model,
    systemPrompt: env.ASSISTANT_SYSTEM_PROMPT?.trim() || undefined,
    concurrency: positiveInt(env, 'ASSISTANT_CONCURRENCY', DEFAULTS.concurrency),
    idleTimeoutMs: positiveInt(env, 'ASSISTANT_IDLE_TIMEOUT_MS', DEFAULTS.idleTimeoutMs),
    flushIntervalMs: positiveInt(env, 'ASSISTANT_FLUSH_MS', DEFAULTS.flushIntervalMs, 0),
    streams: onOff(env, 'ASSISTANT_STREAMS', true),
    streamFlushIntervalMs: positiveInt(env, 'ASSISTANT_STREAM_FLUSH_MS', DEFAULTS.streamFlushIntervalMs, 0),
    historyChars: positiveInt(env, 'ASSISTANT_HISTORY_CHARS', DEFAULTS.historyChars),
    attempts: positiveInt(env, 'ASSISTANT_ATTEMPTS', DEFAULTS.attempts),
    retryDelayMs: positiveInt(env, 'ASSISTANT_RETRY_DELAY_MS', DEFAULTS.retryDelayMs, 0),
    toolsMode: toolsMode(env),
    leaseMs: positiveInt(env, 'ASSISTANT_LEASE_MS', DEFAULTS.leaseMs, 300),
    shutdownMs: positiveInt(env, 'ASSISTANT_SHUTDOWN_MS', DEFAULTS.shutdownMs, 0),
    maxTakeovers: positiveInt(env, 'ASSISTANT_MAX_TAKEOVERS', DEFAULTS.maxTakeovers, 0),
    ratePerMinute: positiveInt(env, 'ASSISTANT_RATE_PER_MINUTE', DEFAULTS.ratePerMinute, 0),
    ratePerDay: positiveInt(env, 'ASSISTANT_RATE_PER_DAY', DEFAULTS.ratePerDay, 0),
    maxReplyChars: positiveInt(env, 'ASSISTANT_MAX_REPLY_CHARS', DEFAULTS.maxReplyChars, 100),
    contextChars: positiveInt(env, 'ASSISTANT_CONTEXT_CHARS', DEFAULTS.contextChars, 1_000),
    claimsKeepHours: positiveInt(
      env,
      'ASSISTANT_CLAIMS_KEEP_HOURS',
      DEFAULTS.claimsKeepHours,
      MIN_KEEP_HOURS,
    ),
  }
}

/**
 * The model endpoint's host (with a port, if any) for the teachers to see: never the key, a user or
 * password in the URL, its path or query, which may carry secrets of some providers.
 */
export function endpointHost(apiUrl: string): string {
  return new URL(apiUrl).host
}

/** Where the model is, for logs: never the key. */
export function describeModel(config: AssistantConfig): string {
  return `${config.model} at ${config.apiUrl}${config.apiKey ? ' (with API key)' : ''}`
}
