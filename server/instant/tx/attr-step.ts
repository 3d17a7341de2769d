// Validates an attr sent in an `add-attr` / `update-attr` step and normalises it to the wire shape.

import { validationFailed } from '../errors.ts'
import type { Attr } from '../model/types.ts'
import { isUuid } from './values.ts'

const DATA_TYPES = new Set(['string', 'number', 'boolean', 'date', 'json'])

function isIdentity(x: unknown): x is [string, string, string] {
  return (
    Array.isArray(x) &&
    x.length === 3 &&
    isUuid(x[0]) &&
    typeof x[1] === 'string' &&
    x[1].length > 0 &&
    typeof x[2] === 'string' &&
    x[2].length > 0
  )
}

export function attrFromStep(raw: unknown, i: number): Attr {
  const bad = (why: string) =>
    validationFailed(`Invalid attr in tx-step ${i}: ${why}`, { input: ['tx-steps', i, 1] })
  if (typeof raw !== 'object' || raw === null) throw bad('not an object')
  const a = raw as Record<string, unknown>
  if (!isUuid(a.id)) throw bad('id must be a UUID')
  if (!isIdentity(a['forward-identity'])) throw bad('forward-identity must be [uuid, etype, label]')
  const valueType = a['value-type']
  if (valueType !== 'blob' && valueType !== 'ref') throw bad('value-type must be blob or ref')
  const cardinality = a.cardinality
  if (cardinality !== 'one' && cardinality !== 'many') throw bad('cardinality must be one or many')
  const rev = a['reverse-identity']
  if (valueType === 'ref' && !isIdentity(rev)) throw bad('a ref attr needs a reverse-identity')
  const checked = a['checked-data-type']
  if (checked != null && !DATA_TYPES.has(checked as string)) throw bad('unknown checked-data-type')
  const attr: Attr = {
    id: a.id.toLowerCase(),
    'forward-identity': a['forward-identity'],
    'value-type': valueType,
    cardinality,
    'unique?': a['unique?'] === true,
    'index?': a['index?'] === true,
    'required?': a['required?'] === true,
    'checked-data-type': (checked as Attr['checked-data-type']) ?? null,
    catalog: 'user',
  }
  if (valueType === 'ref') attr['reverse-identity'] = rev as [string, string, string]
  if (a['on-delete'] === 'cascade') attr['on-delete'] = 'cascade'
  if (a['on-delete-reverse'] === 'cascade') attr['on-delete-reverse'] = 'cascade'
  return attr
}
