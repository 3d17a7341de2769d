// storeBefore(log) must read exactly like the store did before the tx: compared, call by call,
// with a store rebuilt from a snapshot, after updates, links, unlinks and a cascading delete.

import { randomUUID } from 'node:crypto'
import { i } from '@instantdb/core'
import { expect, test } from 'vitest'
import type { TripleStore } from '../model/triple-store.ts'
import type { Triple } from '../model/types.ts'
import { memoryStoreOf } from '../storage/memory-store.ts'
import { applyTxSteps } from '../tx/apply-tx-steps.ts'
import { TxLog } from '../tx/tx-log.ts'
import { storeBefore } from './before-store.ts'
import { PermsFixture } from './test-fixture.ts'

const schema = i.schema({
  entities: {
    conversations: i.entity({ title: i.string().unique().indexed() }),
    messages: i.entity({ text: i.string(), n: i.number().indexed() }),
  },
  links: {
    messageConversation: {
      forward: { on: 'messages', has: 'one', label: 'conversation', onDelete: 'cascade' },
      reverse: { on: 'conversations', has: 'many', label: 'messages' },
    },
  },
})

const ETYPES = ['conversations', 'messages', '$users']
const sortTriples = (ts: readonly Triple[]) => [...ts].map((t) => JSON.stringify(t)).sort()

function allTriples(store: TripleStore): Triple[] {
  const ids = new Set(ETYPES.flatMap((etype) => [...store.entitiesOf(etype)]))
  return [...ids].flatMap((e) => store.triplesOf(e))
}

test('storeBefore reads as the store did before the tx', () => {
  const f = new PermsFixture(schema, null)
  const [c1, c2, m1, m2, m3] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()]
  f.transact(
    [
      ...f.put('conversations', c1, { title: 'one' }),
      ...f.put('conversations', c2, { title: 'two' }),
      ...[m1, m2, m3].flatMap((m, n) => [
        ...f.put('messages', m, { text: `m${n}`, n }),
        f.link('messages', m, 'conversation', c1),
      ]),
    ],
    null,
  )
  const snapshot = allTriples(f.store)
  const log = new TxLog(f.store)
  applyTxSteps(
    log,
    [
      ...f.put('messages', m1, { text: 'edited', n: 7 }),
      f.link('messages', m2, 'conversation', c2),
      f.unlink('messages', m3, 'conversation', c1),
      ...f.put('conversations', randomUUID(), { title: 'three' }),
      ['delete-entity', c1, 'conversations'],
    ],
    { now: f.now + 1, isAdmin: false, newId: randomUUID },
  )
  expect(f.store.hasEntity('conversations', c1)).toBe(false)
  const before = storeBefore(log)
  const expected = memoryStoreOf(f.store.attrs.all(), snapshot)

  expect(sortTriples(allTriples(before))).toEqual(sortTriples(snapshot))
  for (const etype of ETYPES)
    expect([...before.entitiesOf(etype)].sort()).toEqual([...expected.entitiesOf(etype)].sort())
  const link = f.attrId('messages', 'conversation')
  for (const e of [c1, c2, m1, m2, m3]) {
    expect(sortTriples(before.triplesOf(e))).toEqual(sortTriples(expected.triplesOf(e)))
    expect(before.valueOf(e, link)).toEqual(expected.valueOf(e, link))
    for (const etype of ETYPES) expect(before.hasEntity(etype, e)).toBe(expected.hasEntity(etype, e))
    expect([...before.referrers(link, e)].sort()).toEqual([...expected.referrers(link, e)].sort())
  }
  const n = f.attrId('messages', 'n')
  expect(before.valueOf(m1, n)).toBe(0)
  for (const v of [0, 7]) expect([...before.lookup(n, v)]).toEqual([...expected.lookup(n, v)])
  const title = f.attrId('conversations', 'title')
  for (const v of ['one', 'three'])
    expect([...before.lookup(title, v)]).toEqual([...expected.lookup(title, v)])
})
