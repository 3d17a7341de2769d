// Derives wire attrs from an Instant schema (the object `i.schema()` returns, or its JSON as posted to
// /dash/apps/ephemeral), plus the system catalog ($users) every app has. Ids are deterministic.

import { validationFailed } from '../errors.ts'
import { uuidV5 } from './deterministic-id.ts'
import type { Attr, CheckedDataType } from './types.ts'

interface DataAttrDef {
  valueType?: string
  required?: boolean
  config?: { indexed?: boolean; unique?: boolean }
}
interface LinkSide {
  on: string
  has: 'one' | 'many'
  label: string
  onDelete?: string
  required?: boolean
}
export interface SchemaJson {
  entities?: Record<string, { attrs?: Record<string, DataAttrDef> }>
  links?: Record<string, { forward: LinkSide; reverse: LinkSide }>
}

const CHECKED: Record<string, CheckedDataType> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  date: 'date',
}

function ident(scope: string, etype: string, label: string): [string, string, string] {
  return [uuidV5(`${scope}/ident/${etype}/${label}`), etype, label]
}

function attrId(scope: string, etype: string, label: string): string {
  return uuidV5(`${scope}/attr/${etype}/${label}`)
}

// System attrs have the same ids in every app, as on the real server.
const SYSTEM = 'system'

export function systemAttrs(): Attr[] {
  const base = { 'value-type': 'blob', cardinality: 'one', 'required?': false, catalog: 'system' } as const
  const data = (label: string, extra: Partial<Attr>): Attr => ({
    ...base,
    id: attrId(SYSTEM, '$users', label),
    'forward-identity': ident(SYSTEM, '$users', label),
    'unique?': false,
    'index?': false,
    'checked-data-type': null,
    ...extra,
  })
  return [
    data('id', { 'unique?': true, 'index?': true }),
    data('email', { 'unique?': true, 'index?': true, 'checked-data-type': 'string' }),
    data('type', { 'checked-data-type': 'string' }),
    data('imageURL', { 'checked-data-type': 'string' }),
    {
      ...base,
      id: attrId(SYSTEM, '$users', 'linkedPrimaryUser'),
      'forward-identity': ident(SYSTEM, '$users', 'linkedPrimaryUser'),
      'reverse-identity': ident(SYSTEM, '$users', 'linkedGuestUsers'),
      'value-type': 'ref',
      'unique?': false,
      'index?': false,
      'on-delete': 'cascade',
    },
  ]
}

/** The attrs of a schema for the app `appId` (system attrs excluded; see systemAttrs). */
export function attrsFromSchema(appId: string, schema: SchemaJson | null | undefined): Attr[] {
  if (!schema) return []
  if (typeof schema !== 'object') throw validationFailed('schema must be an object')
  const system = new Map(
    systemAttrs().map((a) => [`${a['forward-identity'][1]}.${a['forward-identity'][2]}`, a]),
  )
  const out: Attr[] = []
  for (const [etype, def] of Object.entries(schema.entities ?? {})) {
    const labels = ['id', ...Object.keys(def?.attrs ?? {}).filter((l) => l !== 'id')]
    for (const label of labels) {
      if (system.has(`${etype}.${label}`)) continue
      const d = label === 'id' ? undefined : def.attrs?.[label]
      out.push({
        id: attrId(appId, etype, label),
        'forward-identity': ident(appId, etype, label),
        'value-type': 'blob',
        cardinality: 'one',
        'unique?': label === 'id' ? true : d?.config?.unique === true,
        'index?': label === 'id' ? false : d?.config?.indexed === true,
        'required?': label === 'id' ? false : d?.required === true,
        'checked-data-type': d?.valueType ? (CHECKED[d.valueType] ?? null) : null,
        catalog: 'user',
      })
    }
  }
  for (const [name, link] of Object.entries(schema.links ?? {})) {
    const { forward, reverse } = link ?? {}
    if (!forward?.on || !forward.label || !reverse?.on || !reverse.label) {
      throw validationFailed(`Link ${name} needs forward and reverse with on and label`)
    }
    // A schema may declare a system link ($users.linkedPrimaryUser) to query it; it stays the system attr.
    if (system.has(`${forward.on}.${forward.label}`)) continue
    const attr: Attr = {
      id: attrId(appId, forward.on, forward.label),
      'forward-identity': ident(appId, forward.on, forward.label),
      'reverse-identity': ident(appId, reverse.on, reverse.label),
      'value-type': 'ref',
      cardinality: forward.has === 'one' ? 'one' : 'many',
      'unique?': reverse.has === 'one',
      'index?': false,
      'required?': forward.required === true,
      catalog: 'user',
    }
    if (forward.onDelete === 'cascade') attr['on-delete'] = 'cascade'
    if (reverse.onDelete === 'cascade') attr['on-delete-reverse'] = 'cascade'
    out.push(attr)
  }
  return out
}
