// Frame shapes and helpers shared by the op handlers: the error frame and stable query keys.

import { createHash } from 'node:crypto'
import { InstantError } from '../errors.ts'

export type Frame = Record<string, unknown>

/** A key for a query that ignores object key order, as the client's weakHash does. */
export function stableKey(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k])
    return out
  }
  return value
}

export function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64')
}

/** The wire error frame for a failed client message, tied to it as the client expects. */
export function errorFrame(err: unknown, original: Frame, traceId: string): Frame {
  const frame: Frame =
    err instanceof InstantError
      ? { op: 'error', status: err.status, type: err.type, message: err.message, hint: err.hint }
      : { op: 'error', status: 500, message: `Something went wrong on the server (trace id ${traceId}).` }
  frame['original-event'] = original
  frame['trace-id'] = traceId
  if (original['client-event-id'] !== undefined) frame['client-event-id'] = original['client-event-id']
  return frame
}
