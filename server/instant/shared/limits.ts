// Configurable limits that keep one client from exhausting the server. Documented in server/instant/README.md.

export interface Limits {
  /** Largest accepted WebSocket/SSE frame or HTTP body, in bytes. */
  maxFrameBytes: number
  /** Most tx-steps in one transaction. */
  maxTxSteps: number
  /** Most live queries one session may hold. */
  maxQueriesPerSession: number
}

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
  }
}
