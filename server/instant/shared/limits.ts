// Configurable limits that keep one client from exhausting the server. Documented in server/instant/README.md.

export interface Limits {
  /** Largest accepted WebSocket/SSE frame or HTTP body, in bytes. */
  maxFrameBytes: number
  /** Most tx-steps in one transaction. */
  maxTxSteps: number
  /** Most live queries one session may hold. */
  maxQueriesPerSession: number
  magicCodes: MagicCodeLimits
}

/** Guessing and sending limits for magic codes (runtime endpoints; the admin API is trusted). */
export interface MagicCodeLimits {
  /** How long a sent code stays valid. */
  ttlMs: number
  /** Wrong guesses per code: the code is void after this many. */
  attemptsPerCode: number
  /** The window the four counts below are measured over. */
  windowMs: number
  /** Wrong codes for one address per window; past it every code for the address is void and refused. */
  failuresPerAddress: number
  /** Wrong codes from one client (IP) per window, over all addresses. */
  failuresPerClient: number
  /** Codes sent to one address per window. */
  sendsPerAddress: number
  /** Codes one client (IP) may request per window, over all addresses. */
  sendsPerClient: number
  /** Take the client's address from X-Forwarded-For (only behind a reverse proxy you run). */
  trustProxy: boolean
}

const MINUTE = 60_000

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): Limits {
  const num = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}`)
    return n
  }
  return {
    maxFrameBytes: num('INSTANT_LOCAL_MAX_FRAME_BYTES', 8 * 1024 * 1024),
    maxTxSteps: num('INSTANT_LOCAL_MAX_TX_STEPS', 10_000),
    maxQueriesPerSession: num('INSTANT_LOCAL_MAX_QUERIES_PER_SESSION', 1_000),
    magicCodes: {
      ttlMs: num('INSTANT_LOCAL_MAGIC_CODE_TTL_MINUTES', 15) * MINUTE,
      attemptsPerCode: num('INSTANT_LOCAL_MAGIC_CODE_ATTEMPTS', 5),
      windowMs: num('INSTANT_LOCAL_MAGIC_CODE_WINDOW_MINUTES', 60) * MINUTE,
      failuresPerAddress: num('INSTANT_LOCAL_MAGIC_CODE_FAILURES_PER_ADDRESS', 10),
      failuresPerClient: num('INSTANT_LOCAL_MAGIC_CODE_FAILURES_PER_CLIENT', 200),
      sendsPerAddress: num('INSTANT_LOCAL_MAGIC_CODE_SENDS_PER_ADDRESS', 10),
      sendsPerClient: num('INSTANT_LOCAL_MAGIC_CODE_SENDS_PER_CLIENT', 200),
      trustProxy: env.INSTANT_LOCAL_TRUST_PROXY === '1',
    },
  }
}
