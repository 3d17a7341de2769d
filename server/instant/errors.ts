// The one error type of the local Instant server. Engine code throws it; transport/ turns it
// into a wire `error` frame or an HTTP status exactly once. Types mirror the real server's.

export type InstantErrorType =
  | 'permission-denied'
  | 'validation-failed'
  | 'record-not-found'
  | 'record-not-unique'
  | 'record-expired'
  | 'param-missing'
  | 'param-malformed'
  | 'rate-limited'
  | 'session-missing'
  | 'socket-missing'
  | 'unauthorized'
  | 'oversized'
  | 'timeout'

const statusByType: Record<InstantErrorType, number> = {
  'permission-denied': 400,
  'validation-failed': 400,
  'record-not-found': 400,
  'record-not-unique': 400,
  'record-expired': 400,
  'param-missing': 400,
  'param-malformed': 400,
  'rate-limited': 429,
  'session-missing': 400,
  'socket-missing': 400,
  unauthorized: 401,
  oversized: 413,
  timeout: 408,
}

export class InstantError extends Error {
  readonly type: InstantErrorType
  readonly hint: Record<string, unknown>
  readonly status: number

  constructor(type: InstantErrorType, message: string, hint: Record<string, unknown> = {}, status?: number) {
    super(message)
    this.name = 'InstantError'
    this.type = type
    this.hint = hint
    this.status = status ?? statusByType[type]
  }
}

/** Shorthand for the most common failure: input the server will not accept. */
export function validationFailed(message: string, hint: Record<string, unknown> = {}): InstantError {
  return new InstantError('validation-failed', message, hint)
}
