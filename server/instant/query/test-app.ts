// Test helper: a small app (attrs from a schema-like description, seeded UUIDs, triple builders)
// shared by the query engine's unit and differential tests. Not used by production code.

import type { Attr, CheckedDataType, Json, Triple } from '../model/types.ts'
import { memoryStoreOf } from '../storage/memory-store.ts'

export interface DataAttrSpec {
  type?: CheckedDataType
  indexed?: boolean
  unique?: boolean
  cardinality?: 'one' | 'many'
}

export interface LinkSpec {
  /** [etype, label, has] on each side, like instant.schema.ts links. */
  forward: [string, string, 'one' | 'many']
  reverse: [string, string, 'one' | 'many']
}

/** Deterministic v4-shaped UUIDs from a seed, so failures reproduce. */
export function uuidSource(seed: number): () => string {
  const rand = prng(seed)
  return () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16))
    hex[12] = '4'
    hex[16] = '89ab'[Math.floor(rand() * 4)] ?? '8'
    const h = hex.join('')
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
  }
}

/** mulberry32: small, seedable, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export class TestApp {
  readonly attrs: Attr[] = []
  readonly triples: Triple[] = []
  readonly newId: () => string
  private clock = 1_700_000_000_000

  constructor(entities: Record<string, Record<string, DataAttrSpec>>, links: LinkSpec[] = [], seed = 1) {
    this.newId = uuidSource(seed)
    for (const [etype, fields] of Object.entries(entities)) {
      this.addAttr(etype, 'id', { unique: true, indexed: false })
      for (const [label, spec] of Object.entries(fields)) this.addAttr(etype, label, spec)
    }
    for (const { forward, reverse } of links) {
      this.attrs.push({
        id: this.newId(),
        'forward-identity': [this.newId(), forward[0], forward[1]],
        'reverse-identity': [this.newId(), reverse[0], reverse[1]],
        'value-type': 'ref',
        cardinality: forward[2],
        'unique?': reverse[2] === 'one',
        'index?': false,
        catalog: 'user',
      })
    }
  }

  attr(etype: string, label: string): Attr {
    const found = this.attrs.find(
      (a) => a['forward-identity'][1] === etype && a['forward-identity'][2] === label,
    )
    if (!found) throw new Error(`no attr ${etype}.${label}`)
    return found
  }

  /** Creates an entity: its id triple first (its t is the serverCreatedAt), then its fields. */
  add(
    etype: string,
    fields: Record<string, Json | undefined> = {},
    id = this.newId(),
    t = this.tick(),
  ): string {
    this.triples.push([id, this.attr(etype, 'id').id, id, t])
    for (const [label, v] of Object.entries(fields)) {
      if (v !== undefined) this.triples.push([id, this.attr(etype, label).id, v, t])
    }
    return id
  }

  /** Links from the forward side, as the client writes links. */
  link(from: string, etype: string, label: string, to: string): void {
    this.triples.push([from, this.attr(etype, label).id, to, this.tick()])
  }

  store() {
    return memoryStoreOf(this.attrs, this.triples)
  }

  tick(): number {
    this.clock += 1000
    return this.clock
  }

  private addAttr(etype: string, label: string, spec: DataAttrSpec) {
    this.attrs.push({
      id: this.newId(),
      'forward-identity': [this.newId(), etype, label],
      'value-type': 'blob',
      cardinality: spec.cardinality ?? 'one',
      'unique?': spec.unique ?? false,
      'index?': spec.indexed ?? false,
      'checked-data-type': spec.type ?? null,
      catalog: 'user',
    })
  }
}
