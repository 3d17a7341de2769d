// Page queries walked from the store's ordered groups must equal the full sort, also after the
// groups were built and the data then changed under them; and a page of a long group reads only
// the page. The reference is the same engine over the same store with the ordered groups hidden.

import { expect, test } from 'vitest'
import type { TripleStore } from '../model/triple-store.ts'
import type { Json, Triple } from '../model/types.ts'
import type { MemoryStore } from '../storage/memory-store.ts'
import { buildApp, chance, dates, labels, pick, queryOf, type Rand, randomOptions } from './random-queries.ts'
import { runInstaql } from './run-instaql.ts'
import { prng, TestApp } from './test-app.ts'

/** The same store without orderedGroup: the engine then sorts every match (the reference path). */
function unordered(s: MemoryStore): TripleStore {
  return {
    attrs: s.attrs,
    entitiesOf: (etype) => s.entitiesOf(etype),
    hasEntity: (etype, e) => s.hasEntity(etype, e),
    triplesOf: (e, a) => s.triplesOf(e, a),
    valueOf: (e, a) => s.valueOf(e, a),
    referrers: (a, target) => s.referrers(a, target),
    lookup: (a, v) => s.lookup(a, v),
  }
}

const canonical = (ts: Triple[]) => ts.map((t) => JSON.stringify(t)).sort()

type World = ReturnType<typeof buildApp>

/** A where that pins items to one group, sometimes with a further clause the walk must test. */
function pinnedWhere(rand: Rand, w: World): Record<string, unknown> {
  const pin = pick(rand, [
    () => ({ owner: pick(rand, w.owners) }),
    () => ({ 'owner.id': pick(rand, w.owners) }),
    () => ({ done: pick(rand, [true, false]) }),
    () => ({ label: pick(rand, labels) }),
    () => ({ tags: pick(rand, w.tags) }),
  ])()
  const extra = pick(rand, [
    {},
    {},
    { value: { $gt: 0 } },
    { label: { $in: ['a', 'b', null] } },
    { tag: { $isNull: chance(rand, 0.5) } },
    { 'owner.name': { $ne: 'bo' } },
  ])
  return { ...pin, ...extra }
}

/** One random change to the live store, through add/remove as transactions make them. */
function mutate(rand: Rand, w: World): void {
  const s = w.store
  const attr = (label: string) => w.app.attr('items', label).id
  const item = pick(rand, w.items)
  const replace = (a: string, v: Json) => {
    for (const t of s.triplesOf(item, a)) s.remove(t[0], t[1], t[2])
    if (v !== undefined) s.add([item, a, v, 1_700_000_000_000 + Math.floor(rand() * 6) * 1000])
  }
  switch (Math.floor(rand() * 6)) {
    case 0: {
      const id = w.app.newId()
      const t = 1_700_000_000_000 + Math.floor(rand() * 8) * 1000
      s.add([id, attr('id'), id, t])
      s.add([id, attr('value'), pick(rand, [0, 1, 2, 3]), t])
      if (chance(rand, 0.7)) s.add([id, attr('label'), pick(rand, labels), t])
      if (chance(rand, 0.7)) s.add([id, attr('done'), chance(rand, 0.5), t])
      s.add([id, attr('owner'), pick(rand, w.owners), t])
      w.items.push(id)
      return
    }
    case 1:
      replace(attr('value'), pick(rand, [0, 1, 2, 3, -1, null]))
      return
    case 2:
      replace(attr(pick(rand, ['label', 'date', 'done'])), pick(rand, [...labels, ...dates, true]))
      return
    case 3:
      replace(attr('owner'), pick(rand, w.owners))
      return
    case 4: {
      // A new created-at for the entity (its id triple rewritten with another t).
      for (const t of s.triplesOf(item, attr('id'))) s.remove(t[0], t[1], t[2])
      s.add([item, attr('id'), item, 1_700_000_000_000 + Math.floor(rand() * 8) * 1000])
      return
    }
    default:
      for (const t of s.triplesOf(item)) s.remove(t[0], t[1], t[2])
  }
}

test('walked pages equal sorted pages, before and after the data changes (600 random queries)', () => {
  const rand = prng(20261204)
  const w = buildApp(rand, 20261204)
  let walkedNonEmpty = 0
  for (let i = 0; i < 600; i++) {
    if (i % 3 === 0) for (let k = 0; k < 1 + Math.floor(rand() * 3); k++) mutate(rand, w)
    const shape = {
      etype: 'items',
      where: pinnedWhere(rand, w),
      order: {
        [pick(rand, ['serverCreatedAt', 'value', 'label', 'date', 'done'])]: pick(rand, [
          'asc',
          'desc',
        ] as const),
      },
      children: pick(rand, [{}, { owner: {} }]),
    }
    const options = randomOptions(rand, w, shape)
    const q = queryOf(shape, options)
    const context = `query #${i}: ${JSON.stringify(q)}`
    const walked = runInstaql({ store: w.store }, q)
    const sorted = runInstaql({ store: unordered(w.store) }, q)
    expect(walked.pageInfo, context).toEqual(sorted.pageInfo)
    expect(canonical(walked.triples), context).toEqual(canonical(sorted.triples))
    if (walked.pageInfo.items?.['end-cursor']) walkedNonEmpty++
  }
  expect(walkedNonEmpty).toBeGreaterThan(200)
})

test('a page of a 20,000-message conversation reads about the page, not the conversation', () => {
  const app = new TestApp({ conversations: {}, messages: { createdAt: { type: 'date', indexed: true } } }, [
    { forward: ['messages', 'conversation', 'one'], reverse: ['conversations', 'messages', 'many'] },
  ])
  const long = app.add('conversations')
  const short = app.add('conversations')
  for (let i = 0; i < 20_000; i++) {
    const m = app.add('messages', { createdAt: 1_700_000_000_000 + i })
    app.link(m, 'messages', 'conversation', i % 1000 === 0 ? short : long)
  }
  // The group is built once from the live store; what is counted is each query's own reads.
  const live = app.store()
  let reads = 0
  const counting: TripleStore = Object.assign(Object.create(live) as MemoryStore, {
    triplesOf: (e: string, a?: string) => {
      reads++
      return live.triplesOf(e, a)
    },
  })
  const page = (conversation: string, extra: Record<string, unknown> = {}) => {
    reads = 0
    const res = runInstaql(
      { store: counting },
      {
        messages: {
          $: {
            where: { 'conversation.id': conversation },
            order: { createdAt: 'desc' },
            limit: 30,
            ...extra,
          },
        },
      },
    )
    return { info: res.pageInfo.messages!, reads }
  }
  const newest = page(long)
  const older = page(long, { after: newest.info['end-cursor'] })
  const small = page(short)
  expect(newest.info['has-next-page?']).toBe(true)
  expect(older.info['has-previous-page?']).toBe(true)
  // Reads grow with the page (30 rows, each a few triples), not with the 19,980 messages.
  expect(newest.reads).toBeLessThan(1000)
  expect(older.reads).toBeLessThan(1000)
  expect(small.info['has-next-page?']).toBe(false)
})
