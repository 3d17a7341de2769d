import { beforeAll, describe, expect, test } from 'vitest'
import type { Json } from '../model/types.ts'
import { type ClientEngine, loadClientEngine } from './client-engine.ts'
import { runInstaql } from './run-instaql.ts'
import { TestApp } from './test-app.ts'

let client: ClientEngine
beforeAll(async () => {
  client = await loadClientEngine()
})

function notesApp() {
  return new TestApp({
    notes: {
      n: { type: 'number', indexed: true },
      s: { type: 'string', indexed: true },
      d: { type: 'date', indexed: true },
      b: { type: 'boolean', indexed: true },
      loose: { type: 'string' },
      untyped: { indexed: true },
      many: { type: 'string', indexed: true, cardinality: 'many' },
    },
  })
}

/** Server window through the real client: the values of field, in the order shown. */
function shownValues(app: TestApp, field: string, $: Record<string, unknown>): Json[] {
  const q = { notes: { $ } }
  const res = runInstaql({ store: app.store() }, q)
  const data = client.run(app.attrs, res.triples, q, res.pageInfo) as { notes: Record<string, Json>[] }
  return data.notes.map((n) => n[field] ?? null)
}

describe('order', () => {
  test('ascending puts nulls first, descending puts them last', () => {
    const app = notesApp()
    for (const n of [2, null, 1, undefined]) app.add('notes', { n })
    expect(shownValues(app, 'n', { order: { n: 'asc' }, limit: 10 })).toEqual([null, null, 1, 2])
    expect(shownValues(app, 'n', { order: { n: 'desc' }, limit: 10 })).toEqual([2, 1, null, null])
  })

  test('equal values are ordered by id bytes, in both directions', () => {
    const app = notesApp()
    const ids = [app.add('notes', { n: 1 }), app.add('notes', { n: 1 }), app.add('notes', { n: 1 })]
    const byBytes = [...ids].sort()
    const run = (dir: string) => {
      const q = { notes: { $: { order: { n: dir }, first: 3 } } }
      const res = runInstaql({ store: app.store() }, q)
      return (client.run(app.attrs, res.triples, q, res.pageInfo) as { notes: { id: string }[] }).notes.map(
        (x) => x.id,
      )
    }
    expect(run('asc')).toEqual(byBytes)
    expect(run('desc')).toEqual([...byBytes].reverse())
  })

  test('strings sort like the client collator, dates by time, booleans false first', () => {
    const app = notesApp()
    for (const s of ['b', 'A', 'a', 'ä', '10', '9']) app.add('notes', { s })
    expect(shownValues(app, 's', { order: { s: 'asc' }, limit: 6 })).toEqual(['10', '9', 'a', 'A', 'ä', 'b'])
    const dates = notesApp()
    for (const d of ['2024-03-01', 1704067200000, '2023-12-31T23:00:00-02:00']) dates.add('notes', { d })
    expect(shownValues(dates, 'd', { order: { d: 'asc' }, limit: 3 })).toEqual([
      1704067200000,
      '2023-12-31T23:00:00-02:00',
      '2024-03-01',
    ])
    const bools = notesApp()
    for (const b of [true, false, true]) bools.add('notes', { b })
    expect(shownValues(bools, 'b', { order: { b: 'desc' }, limit: 3 })).toEqual([true, true, false])
  })

  test('serverCreatedAt is the t of the id triple, asc by default', () => {
    const app = notesApp()
    const late = app.add('notes', { n: 1 }, app.newId(), 3000)
    const early = app.add('notes', { n: 2 }, app.newId(), 1000)
    const res = runInstaql({ store: app.store() }, { notes: { $: { limit: 1 } } })
    const idAttr = app.attr('notes', 'id').id
    expect(res.pageInfo.notes?.['start-cursor']).toEqual([early, idAttr, early, 1000])
    const desc = runInstaql(
      { store: app.store() },
      { notes: { $: { order: { serverCreatedAt: 'desc' }, limit: 1 } } },
    )
    expect(desc.pageInfo.notes?.['end-cursor']).toEqual([late, idAttr, late, 3000])
  })

  test('a field cursor carries the value and the t of its triple; a missing value is null with the id t', () => {
    const app = notesApp()
    const withValue = app.add('notes', { n: 5 }, app.newId(), 2000)
    const without = app.add('notes', {}, app.newId(), 4000)
    const nAttr = app.attr('notes', 'n').id
    const res = runInstaql({ store: app.store() }, { notes: { $: { order: { n: 'asc' }, first: 2 } } })
    expect(res.pageInfo.notes).toMatchObject({
      'start-cursor': [without, nAttr, null, 4000],
      'end-cursor': [withValue, nAttr, 5, 2000],
    })
  })

  test('the order triple is sent even when fields leave it out', () => {
    const app = notesApp()
    const id = app.add('notes', { n: 5, s: 'x' })
    const res = runInstaql(
      { store: app.store() },
      { notes: { $: { order: { n: 'asc' }, first: 2, fields: ['s'] } } },
    )
    expect(res.triples).toContainEqual([id, app.attr('notes', 'n').id, 5, expect.any(Number)])
  })
})

describe('order validation (matches the real server)', () => {
  const app = notesApp()
  const store = app.store()
  const order = (key: string) => () => runInstaql({ store }, { notes: { $: { order: { [key]: 'asc' } } } })

  test('ordering by an unindexed attr is rejected', () => {
    expect(order('loose')).toThrow(
      'The `notes.loose` attribute is not indexed. Only indexed and typed attributes can be used to order by.',
    )
  })

  test('ordering by an untyped attr is rejected', () => {
    expect(order('untyped')).toThrow('The `notes.untyped` attribute is not typed.')
  })

  test('ordering by a cardinality-many attr is rejected', () => {
    expect(order('many')).toThrow('The `notes.many` attribute has cardinality `many`.')
  })

  test('ordering by a missing attr is rejected', () => {
    expect(order('nope')).toThrow('There is no `nope` attribute for notes.')
  })

  test('a cursor from another order is rejected', () => {
    const id = app.add('notes', { n: 1 })
    const cursor = [id, app.attr('notes', 'id').id, id, 1]
    expect(() => runInstaql({ store }, { notes: { $: { order: { n: 'asc' }, after: cursor } } })).toThrow(
      'Invalid after cursor. The query orders by `n`, but the query that returned the cursor orders by `serverCreatedAt`.',
    )
  })

  test('more than one order key, or a bad direction, is rejected', () => {
    expect(() => runInstaql({ store }, { notes: { $: { order: { n: 'asc', s: 'asc' } } } })).toThrow(
      'We only support a single key in the `order` clause. Got n,s.',
    )
    expect(() => runInstaql({ store }, { notes: { $: { order: { n: 'up' } } } })).toThrow(
      'We only support "asc" or "desc" in the `order` clause. Got "up".',
    )
  })

  test('rejections are validation-failed InstantErrors with the server-style hint', () => {
    try {
      order('loose')()
      expect.unreachable()
    } catch (err) {
      expect(err).toMatchObject({
        type: 'validation-failed',
        status: 400,
        hint: {
          'data-type': 'query',
          errors: [{ expected: 'supported-order?', in: ['notes', '$', 'order'] }],
        },
      })
    }
  })
})
