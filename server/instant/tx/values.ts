// Value checks for triples: the checked data types and ids the real server validates.

import { validationFailed } from '../errors.ts'
import type { Attr, Json } from '../model/types.ts'

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(x: unknown): x is string {
  return typeof x === 'string' && UUID_RE.test(x)
}

/** Epoch ms of a date value as Instant accepts it (epoch ms or a parseable string), or null. */
export function dateMillis(v: Json): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string') {
    const ms = new Date(v).getTime()
    return Number.isNaN(ms) ? null : ms
  }
  return null
}

function typeName(v: Json): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  return typeof v
}

/** Throws validation-failed when v does not fit the attr's checked data type (null always fits). */
export function checkValueType(attr: Attr, v: Json): void {
  const type = attr['checked-data-type']
  if (!type || v === null || attr['value-type'] === 'ref') return
  const [, etype, label] = attr['forward-identity']
  const ok =
    type === 'string'
      ? typeof v === 'string'
      : type === 'number'
        ? typeof v === 'number' && Number.isFinite(v)
        : type === 'boolean'
          ? typeof v === 'boolean'
          : type === 'date'
            ? dateMillis(v) !== null
            : true
  if (!ok) {
    throw validationFailed(
      `Invalid value type for ${etype}.${label}. Value must be a ${type} but the provided value type is ${typeName(v)}.`,
      { 'expected-type': type, attr: `${etype}.${label}`, value: v },
    )
  }
}

/** Deep-merge as the real server does it: objects merge recursively, null deletes a key. */
export function deepMerge(base: Json | undefined, patch: Json): Json {
  if (!isPlainObject(patch)) return patch
  const out: Record<string, Json> = isPlainObject(base) ? { ...base } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = deepMerge(out[k], v)
  }
  return out
}

function isPlainObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
