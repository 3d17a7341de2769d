import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { InstantError } from '../errors.ts'
import { attrsFromSchema, systemAttrs } from '../model/schema-attrs.ts'
import { memoryStoreOf } from '../storage/memory-store.ts'
import { applyTxSteps } from './apply-tx-steps.ts'
import { TxLog } from './tx-log.ts'

const APP = '00000000-0000-4000-8000-000000000001'
const schema = {
  entities: {
    conversations: {
      attrs: { title: { valueType: 'string', required: true, config: { indexed: true, unique: false } } },
    },
    messages: {
      attrs: { text: { valueType: 'string', required: false, config: { indexed: false, unique: false } } },
    },
    tags: {
      attrs: { slug: { valueType: 'string', required: false, config: { indexed: true, unique: true } } },
    },
  },
  links: {
    messageConversation: {
      forward: { on: 'messages', has: 'one', label: 'conversation', onDelete: 'cascade' },
      reverse: { on: 'conversations', has: 'many', label: 'messages' },
    },
  },
} as const

function fresh() {
  const store = memoryStoreOf([...systemAttrs(), ...attrsFromSchema(APP, schema)], [])
  const a = (etype: string, label: string) => store.attrs.byForward(etype, label)!.id
  let now = 1_000
  const run = (steps: unknown[], isAdmin = false) => {
    const log = new TxLog(store)
    try {
      return applyTxSteps(log, steps, { now: ++now, isAdmin, newId: randomUUID })
    } catch (err) {
      log.undo()
      throw err
    }
  }
  return { store, a, run }
}

function conversation(a: (e: string, l: string) => string, id: string, title = 'Bruchrechnung') {
  return [
    ['add-triple', id, a('conversations', 'id'), id],
    ['add-triple', id, a('conversations', 'title'), title],
  ]
}

describe('applyTxSteps', () => {
  it('deletes the messages of a deleted conversation through on-delete cascade', () => {
    const { store, a, run } = fresh()
    const c = randomUUID()
    const m = randomUUID()
    run([
      ...conversation(a, c),
      ['add-triple', m, a('messages', 'id'), m],
      ['add-triple', m, a('messages', 'conversation'), c],
    ])
    expect(store.hasEntity('messages', m)).toBe(true)
    run([['delete-entity', c, 'conversations']])
    expect(store.hasEntity('conversations', c)).toBe(false)
    expect(store.hasEntity('messages', m)).toBe(false)
  })

  it('rejects a second entity with the same unique value and leaves the store as it was', () => {
    const { store, a, run } = fresh()
    const [t1, t2] = [randomUUID(), randomUUID()]
    run([
      ['add-triple', t1, a('tags', 'id'), t1],
      ['add-triple', t1, a('tags', 'slug'), 'mathe'],
    ])
    expect(() =>
      run([
        ['add-triple', t2, a('tags', 'id'), t2],
        ['add-triple', t2, a('tags', 'slug'), 'mathe'],
      ]),
    ).toThrow(/not unique/)
    expect(store.hasEntity('tags', t2)).toBe(false)
  })

  it('enforces create and update modes against the state before the transaction', () => {
    const { a, run } = fresh()
    const c = randomUUID()
    run(conversation(a, c))
    expect(() => run([['add-triple', c, a('conversations', 'title'), 'x', { mode: 'create' }]])).toThrow(
      /Creating entities that exist/,
    )
    const missing = randomUUID()
    expect(() =>
      run([['add-triple', missing, a('conversations', 'title'), 'x', { mode: 'update' }]]),
    ).toThrow(/Updating entities that don't exist/)
  })

  it('requires required attributes on every entity the transaction leaves alive', () => {
    const { a, run } = fresh()
    const c = randomUUID()
    expect(() => run([['add-triple', c, a('conversations', 'id'), c]])).toThrow(
      /Missing required attribute `conversations\/title`/,
    )
  })

  it('resolves a lookup on a unique attr, creating the entity when it is missing', () => {
    const { store, a, run } = fresh()
    const lookup = [a('tags', 'slug'), 'deutsch']
    run([['add-triple', lookup, a('tags', 'id'), lookup]])
    const [id] = [...store.lookup(a('tags', 'slug'), 'deutsch')]
    expect(id).toBeDefined()
    run([['add-triple', lookup, a('tags', 'id'), lookup]])
    expect([...store.lookup(a('tags', 'slug'), 'deutsch')]).toEqual([id])
  })

  it('keeps the created-at of a value it overwrites', () => {
    const { store, a, run } = fresh()
    const c = randomUUID()
    run(conversation(a, c, 'alt'))
    const before = store.triplesOf(c, a('conversations', 'title'))[0]![3]
    run([['add-triple', c, a('conversations', 'title'), 'neu']])
    expect(store.triplesOf(c, a('conversations', 'title'))).toEqual([
      [c, a('conversations', 'title'), 'neu', before],
    ])
  })

  it('lets only an admin change attrs, and never writes system attributes for a client', () => {
    const { a, run } = fresh()
    expect(() => run([['delete-attr', a('messages', 'text')]])).toThrow(InstantError)
    const u = randomUUID()
    expect(() => run([['add-triple', u, a('$users', 'email'), 'x@schule.de']])).toThrow(/system attribute/)
  })
})
