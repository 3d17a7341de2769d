// The infinite-scroll scenarios of the upstream e2e suite (core/__tests__/src/infiniteQuery.e2e.test.ts),
// replayed as the queries useInfiniteQuery sends (infiniteQuery.ts) against our engine + the real client.

import { beforeAll, describe, expect, test } from 'vitest'
import type { Cursor, PageInfo } from '../model/types.ts'
import { type ClientEngine, loadClientEngine } from './client-engine.ts'
import { runInstaql } from './run-instaql.ts'
import { TestApp } from './test-app.ts'

let client: ClientEngine
beforeAll(async () => {
  client = await loadClientEngine()
})

function numberLine(values: number[]) {
  const app = new TestApp({ items: { value: { type: 'number', indexed: true } } })
  for (const value of values) app.add('items', { value })
  return app
}

interface Page {
  values: number[]
  info: PageInfo
}

function page(app: TestApp, $: Record<string, unknown>): Page {
  const q = { items: { $ } }
  const res = runInstaql({ store: app.store() }, q)
  const data = client.run(app.attrs, res.triples, q, res.pageInfo) as { items: { value: number }[] }
  const info = res.pageInfo.items
  if (!info) throw new Error('expected page-info for items')
  return { values: data.items.map((i) => i.value), info }
}

const asc = { order: { value: 'asc' } }
const desc = { order: { value: 'desc' } }
const end = (p: Page) => p.info['end-cursor'] as Cursor

describe('infinite scroll pages', () => {
  test('an empty etype gives a page with no cursors and no neighbours', () => {
    const p = page(numberLine([]), { limit: 4, ...asc })
    expect(p).toEqual({
      values: [],
      info: {
        'start-cursor': null,
        'end-cursor': null,
        'has-next-page?': false,
        'has-previous-page?': false,
      },
    })
  })

  test('without an order field pages follow creation order', () => {
    const app = numberLine([0, 1, 2, 3])
    const p = page(app, { limit: 4 })
    expect(p.values).toEqual([0, 1, 2, 3])
    const idAttr = app.attr('items', 'id').id
    const [e, a, v, t] = end(p)
    expect([a, v]).toEqual([idAttr, e])
    expect(t).toBe(app.triples.find((x) => x[0] === e && x[1] === idAttr)?.[3])
  })

  test('adding new numbers: the first page reports a next page, the next page continues after it', () => {
    const app = numberLine([0, 1, 2, 3, 5, 6, 7, 8])
    const first = page(app, { limit: 4, ...asc })
    expect(first.values).toEqual([0, 1, 2, 3])
    expect(first.info['has-next-page?']).toBe(true)
    expect(first.info['has-previous-page?']).toBe(false)
    const next = page(app, { limit: 4, after: end(first), ...asc })
    expect(next.values).toEqual([5, 6, 7, 8])
    expect(next.info['has-next-page?']).toBe(false)
    expect(next.info['has-previous-page?']).toBe(true)
    // The frozen chunk: between its own start and end cursors, inclusive of the end.
    const frozen = page(app, {
      after: first.info['start-cursor'],
      afterInclusive: true,
      before: end(first),
      beforeInclusive: true,
      ...asc,
    })
    expect(frozen.values).toEqual([0, 1, 2, 3])
    expect(frozen.info['has-next-page?']).toBe(true)
  })

  test('negative numbers arrive through the reverse chunk (after the start cursor, reversed order)', () => {
    const app = numberLine([0, 1, 2, 3, -1, -4, -2])
    const first = page(app, { limit: 4, ...asc })
    expect(first.values).toEqual([-4, -2, -1, 0])
    const withoutNegatives = numberLine([0, 1, 2, 3])
    const start = page(withoutNegatives, { limit: 4, ...asc }).info['start-cursor']
    const reverse = page(app, { limit: 4, after: start, ...desc })
    expect(reverse.values).toEqual([-1, -2, -4])
    expect(reverse.info['has-next-page?']).toBe(false)
  })

  test('adding zero twice keeps both rows (ties broken by id)', () => {
    expect(page(numberLine([0, 0]), { limit: 4, ...desc }).values).toEqual([0, 0])
  })

  test('descending pages: [5, 4, 3, 2] then the two 1s', () => {
    const app = numberLine([4, 5, 1, 1, 2, 3])
    const first = page(app, { limit: 4, ...desc })
    expect(first.values).toEqual([5, 4, 3, 2])
    expect(first.info['has-next-page?']).toBe(true)
    const next = page(app, { limit: 4, after: end(first), ...desc })
    expect(next.values).toEqual([1, 1])
    expect(next.info['has-next-page?']).toBe(false)
  })

  test('duplicate boundary values across pages (desc) split nowhere and end cleanly', () => {
    const app = numberLine([5, 4, 3, 2, 2, 2, 1])
    const p1 = page(app, { limit: 3, ...desc })
    expect([p1.values, p1.info['has-next-page?']]).toEqual([[5, 4, 3], true])
    const p2 = page(app, { limit: 3, after: end(p1), ...desc })
    expect([p2.values, p2.info['has-next-page?']]).toEqual([[2, 2, 2], true])
    const p3 = page(app, { limit: 3, after: end(p2), ...desc })
    expect([p3.values, p3.info['has-next-page?']]).toEqual([[1], false])
  })

  test('page size 1, ascending and descending', () => {
    const up = numberLine([0, 1])
    const a1 = page(up, { limit: 1, ...asc })
    expect([a1.values, a1.info['has-next-page?']]).toEqual([[0], true])
    expect(page(up, { limit: 1, after: end(a1), ...asc }).values).toEqual([1])
    const down = numberLine([0, -1])
    const d1 = page(down, { limit: 1, ...desc })
    expect([d1.values, d1.info['has-next-page?']]).toEqual([[0], true])
    expect(page(down, { limit: 1, after: end(d1), ...desc }).values).toEqual([-1])
  })
})

describe('page-info rules (datalog.clj add-page-info)', () => {
  const app = numberLine([1, 2, 3, 4, 5, 6])

  test('no limit and no before: never a next page', () => {
    expect(page(app, asc).info['has-next-page?']).toBe(false)
    expect(page(app, { offset: 2, ...asc }).info).toMatchObject({
      'has-next-page?': false,
      'has-previous-page?': true,
    })
  })

  test('last takes the far end and reports earlier rows as a previous page', () => {
    const p = page(app, { last: 2, ...asc })
    expect(p.values).toEqual([5, 6])
    expect(p.info).toMatchObject({ 'has-next-page?': false, 'has-previous-page?': true })
    const before = page(app, { last: 2, before: p.info['start-cursor'], ...asc })
    expect(before.values).toEqual([3, 4])
    expect(before.info).toMatchObject({ 'has-next-page?': true, 'has-previous-page?': true })
  })

  test('an empty page after an offset or cursor still has a previous page', () => {
    expect(page(app, { offset: 10, limit: 2, ...asc }).info['has-previous-page?']).toBe(true)
    const lastRow = page(app, { last: 1, ...asc }).info['end-cursor']
    const after = page(app, { after: lastRow, limit: 2, ...asc })
    expect(after.values).toEqual([])
    expect(after.info).toMatchObject({
      'start-cursor': null,
      'has-previous-page?': true,
      'has-next-page?': false,
    })
  })

  test('before without limit looks for rows after the page', () => {
    const third = page(app, { offset: 2, limit: 1, ...asc }).info['start-cursor']
    const p = page(app, { before: third, ...asc })
    expect(p.values).toEqual([1, 2])
    expect(p.info).toMatchObject({ 'has-next-page?': true, 'has-previous-page?': false })
  })

  test('only queries with limit/first/last/offset/after/before/order get page-info', () => {
    const store = app.store()
    expect(runInstaql({ store }, { items: {} }).pageInfo).toEqual({})
    expect(runInstaql({ store }, { items: { $: { where: { value: 1 } } } }).pageInfo).toEqual({})
    expect(
      Object.keys(runInstaql({ store }, { items: { $: { order: { value: 'asc' } } } }).pageInfo),
    ).toEqual(['items'])
    expect(Object.keys(runInstaql({ store }, { items: { $: { offset: 0 } } }).pageInfo)).toEqual(['items'])
  })
})
