// Core data shapes of the local Instant server, named as Instant names them on the wire.
// Pure types: no behaviour lives here.

export type ValueType = 'blob' | 'ref'
export type Cardinality = 'one' | 'many'
export type CheckedDataType = 'string' | 'number' | 'boolean' | 'date' | 'json'

/** An attribute exactly as the wire format carries it (see core/src/attrTypes.ts). */
export interface Attr {
  id: string
  'forward-identity': [string, string, string]
  'reverse-identity'?: [string, string, string] | null
  'value-type': ValueType
  cardinality: Cardinality
  'unique?': boolean
  'index?': boolean
  'required?'?: boolean
  'checked-data-type'?: CheckedDataType | null
  'inferred-types'?: string[] | null
  'on-delete'?: 'cascade' | null
  'on-delete-reverse'?: 'cascade' | null
  catalog?: 'user' | 'system'
}

/** A JSON value as stored in a triple. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** [entity id, attr id, value, created-at ms]: the unit the client rebuilds its store from. */
export type Triple = [e: string, a: string, v: Json, t: number]

export type Cursor = [e: string, a: string, v: Json, t: number]

export interface PageInfo {
  'start-cursor': Cursor | null
  'end-cursor': Cursor | null
  'has-next-page?': boolean
  'has-previous-page?': boolean
}

export function etypeOf(attr: Attr): string {
  return attr['forward-identity'][1]
}

export function labelOf(attr: Attr): string {
  return attr['forward-identity'][2]
}
