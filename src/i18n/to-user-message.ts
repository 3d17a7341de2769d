// Maps any error (Instant API errors, network failures, thrown bugs) to a UI text key, so every
// screen explains failures in the teacher's language instead of showing raw messages.

import type { MessageKey } from './de.ts'

/** The `type` of an Instant API error body ('permission-denied', 'rate-limited', …), if any. */
export function instantErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined
  const body = (error as { body?: unknown }).body
  if (typeof body !== 'object' || body === null) return undefined
  const type = (body as { type?: unknown }).type
  return typeof type === 'string' ? type : undefined
}

export function toUserMessage(error: unknown): MessageKey {
  const type = instantErrorType(error)
  if (type === 'permission-denied' || type === 'permission-evaluation-failed') return 'error.permission'
  if (type === 'rate-limited') return 'error.rateLimited'
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false
  // fetch() rejects with a TypeError when the network is gone; the client also reports "offline".
  const looksNetwork =
    error instanceof TypeError || (error instanceof Error && /offline|network|fetch/i.test(error.message))
  if (offline || looksNetwork) return 'error.network'
  return 'error.unknown'
}
