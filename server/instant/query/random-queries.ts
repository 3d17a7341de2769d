// Test helper: a seeded random world (items, owners, tags, optional profiles) and random where
// clauses and pagination options over it, shared by the differential tests. Not production code.

import { runInstaql } from './run-instaql.ts'
import { type LinkSpec, TestApp } from './test-app.ts'

export type Rand = () => number
export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T
export const chance = (rand: Rand, p: number) => rand() < p

export const labels = ['a', 'A', 'b', 'apple', 'Apple', 'banana', 'ä', '10', '9', '']
export const dates = [
  '2024-01-01T00:00:00.000Z',
  '2024-01-01T00:00:00Z',
  1704067200000,
  '2024-02-01',
  1706745600000,
]
export const names = ['ann', 'Ann', 'bo', 'cy']

/** The random world: items with every data type, owners (items.owner is has-one) and tags. */
export function buildApp(rand: Rand, seed: number, opts: { profiles?: boolean } = {}) {
  const app = new TestApp(
    {
      items: {
        value: { type: 'number', indexed: true },
        label: { type: 'string', indexed: true },
        tag: { type: 'string' },
        date: { type: 'date', indexed: true },
        done: { type: 'boolean', indexed: true },
      },
      owners: { name: { type: 'string', indexed: true } },
      tags: { name: { type: 'string' } },
      ...(opts.profiles && { profiles: { bio: { type: 'string' } } }),
    },
    [
      { forward: ['items', 'owner', 'one'], reverse: ['owners', 'items', 'many'] },
      { forward: ['items', 'tags', 'many'], reverse: ['tags', 'items', 'many'] },
      // One-to-one, so the reverse label profiles.owner is singular too (unique?).
      ...(opts.profiles
        ? [{ forward: ['owners', 'profile', 'one'], reverse: ['profiles', 'owner', 'one'] } as LinkSpec]
        : []),
    ],
    seed,
  )
  // Few distinct created-at times, so serverCreatedAt ties (broken by id) are common.
  const t = () => 1_700_000_000_000 + Math.floor(rand() * 6) * 1000
  const maybe = <T>(xs: readonly T[]): T | null | undefined =>
    chance(rand, 0.15) ? undefined : chance(rand, 0.1) ? null : pick(rand, xs)
  const owners = Array.from({ length: 5 }, () => app.add('owners', { name: maybe(names) }, app.newId(), t()))
  const tags = Array.from({ length: 4 }, (_, i) => app.add('tags', { name: `t${i % 3}` }, app.newId(), t()))
  const items = Array.from({ length: 28 }, () => {
    const id = app.add(
      'items',
      {
        value: maybe([0, 1, 1, 2, 3, -1, 2.5]),
        label: maybe(labels),
        tag: maybe(['x', 'y']),
        date: maybe(dates),
        done: maybe([true, false]),
      },
      app.newId(),
      t(),
    )
    if (chance(rand, 0.8)) app.link(id, 'items', 'owner', pick(rand, owners))
    for (const tag of tags) if (chance(rand, 0.3)) app.link(id, 'items', 'tags', tag)
    return id
  })
  const profiles = opts.profiles
    ? owners
        .filter(() => chance(rand, 0.6))
        .map((owner) => {
          const id = app.add('profiles', { bio: maybe(['hi', 'yo']) }, app.newId(), t())
          app.link(owner, 'owners', 'profile', id)
          return id
        })
    : []
  return { app, owners, tags, items, profiles, store: app.store() }
}

export type World = ReturnType<typeof buildApp>

function itemClause(rand: Rand, w: World, depth: number): [string, unknown] {
  const choices: (() => [string, unknown])[] = [
    () => ['value', pick(rand, [0, 1, 2, -1, 2.5])],
    () => ['label', pick(rand, labels)],
    () => ['tag', pick(rand, ['x', 'y'])],
    () => ['done', pick(rand, [true, false])],
    () => ['id', pick(rand, w.items)],
    () => ['owner', pick(rand, w.owners)],
    () => ['owner.name', pick(rand, names)],
    () => ['owner.id', pick(rand, w.owners)],
    () => ['tags.name', pick(rand, ['t0', 't1', 't2'])],
    () => ['tags', pick(rand, w.tags)],
    () => ['value', { $in: [pick(rand, [0, 1, 2]), pick(rand, [3, -1])] }],
    () => ['label', { $in: [pick(rand, labels), null] }],
    () => [
      pick(rand, ['label', 'tag', 'owner.name', 'tags.name']),
      { $ne: pick(rand, ['a', 'x', 'ann', 't1']) },
    ],
    () => pick(rand, [['value', { $not: 1 }] as [string, unknown], ['owner.name', { $not: 'bo' }]]),
    () => [
      pick(rand, ['value', 'label', 'tag', 'owner', 'tags', 'owner.name', 'tags.name']),
      { $isNull: chance(rand, 0.5) },
    ],
    () => ['value', { [pick(rand, ['$gt', '$gte', '$lt', '$lte'])]: pick(rand, [0, 1, 2]) }],
    () => ['date', { [pick(rand, ['$gt', '$gte', '$lt', '$lte'])]: pick(rand, dates) }],
    () => ['label', { [pick(rand, ['$gt', '$lt'])]: pick(rand, ['a', 'b', 'B']) }],
    () => ['label', { [pick(rand, ['$like', '$ilike'])]: pick(rand, ['a%', '%a%', '_', 'A%', '%n%']) }],
  ]
  if (depth < 2 && chance(rand, 0.15)) {
    const n = 1 + Math.floor(rand() * 3)
    return [pick(rand, ['or', 'and']), Array.from({ length: n }, () => itemWhere(rand, w, depth + 1))]
  }
  return pick(rand, choices)()
}

export function itemWhere(rand: Rand, w: World, depth = 0): Record<string, unknown> {
  const n = 1 + Math.floor(rand() * (depth === 0 ? 3 : 2))
  return Object.fromEntries(Array.from({ length: n }, () => itemClause(rand, w, depth)))
}

export function ownerWhere(rand: Rand, w: World): Record<string, unknown> {
  return Object.fromEntries([
    pick(rand, [
      ['name', pick(rand, names)],
      ['items.value', pick(rand, [1, 2])],
      ['items.label', { $in: ['a', 'b'] }],
      ['items', { $isNull: chance(rand, 0.5) }],
      ['items.tags.name', 't1'],
      ['items', pick(rand, w.items)],
      ['name', { $ne: 'ann' }],
    ] as [string, unknown][]),
  ])
}

export interface Shape {
  etype: string
  where?: Record<string, unknown>
  order?: Record<string, 'asc' | 'desc'>
  fields?: string[]
  children: Record<string, unknown>
  /** Other top-level forms in the same query; the client runs every form over one shared store. */
  others?: Record<string, unknown>
}

export type Options = Record<string, unknown>

export function queryOf(s: Shape, options: Options): Record<string, unknown> {
  const $ = {
    ...(s.where && { where: s.where }),
    ...(s.order && { order: s.order }),
    ...(s.fields && { fields: s.fields }),
    ...options,
  }
  return { [s.etype]: { ...(Object.keys($).length && { $ }), ...s.children }, ...s.others }
}

/** Pagination options, with cursors taken from an earlier page of the same order. */
export function randomOptions(rand: Rand, w: World, s: Shape): Options {
  const k = 1 + Math.floor(rand() * 5)
  const limitKey = () => pick(rand, ['limit', 'first'])
  const earlier = () => {
    const prior: Shape = chance(rand, 0.7) ? s : { ...s, where: undefined }
    const offset = Math.floor(rand() * 4)
    return runInstaql({ store: w.store }, queryOf(prior, { limit: 1 + Math.floor(rand() * 6), offset }))
      .pageInfo[s.etype]
  }
  switch (Math.floor(rand() * 7)) {
    case 0:
      return {}
    case 1:
      return { [limitKey()]: k }
    case 2:
      return { last: k }
    case 3:
      return chance(rand, 0.7)
        ? { offset: Math.floor(rand() * 6), limit: k }
        : { offset: Math.floor(rand() * 6) }
    case 4: {
      const c = earlier()?.[pick(rand, ['end-cursor', 'start-cursor'] as const)]
      if (!c) return { limit: k }
      return {
        after: c,
        ...(chance(rand, 0.5) && { afterInclusive: true }),
        ...(chance(rand, 0.8) && { limit: k }),
      }
    }
    case 5: {
      const c = earlier()?.[pick(rand, ['end-cursor', 'start-cursor'] as const)]
      if (!c) return { last: k }
      const lim = pick(rand, [{ last: k }, { limit: k }, {}])
      return { before: c, ...(chance(rand, 0.5) && { beforeInclusive: true }), ...lim }
    }
    default: {
      const info = earlier()
      if (!info?.['start-cursor'] || !info['end-cursor']) return { offset: 1 }
      return {
        after: info['start-cursor'],
        afterInclusive: chance(rand, 0.5),
        before: info['end-cursor'],
        beforeInclusive: true,
      }
    }
  }
}
