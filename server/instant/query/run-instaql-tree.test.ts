import { describe, expect, test } from 'vitest'
import { InstantError } from '../errors.ts'
import { runInstaql } from './run-instaql.ts'
import { runInstaqlTree } from './run-instaql-tree.ts'
import { TestApp } from './test-app.ts'

function library() {
  const app = new TestApp(
    {
      users: { name: { type: 'string' } },
      profiles: { bio: { type: 'string' } },
      shelves: { title: { type: 'string' } },
      books: { title: { type: 'string', indexed: true }, pages: { type: 'number', indexed: true } },
    },
    [
      { forward: ['shelves', 'owner', 'one'], reverse: ['users', 'shelves', 'many'] },
      { forward: ['shelves', 'books', 'many'], reverse: ['books', 'shelves', 'many'] },
      { forward: ['users', 'profile', 'one'], reverse: ['profiles', 'user', 'one'] },
    ],
  )
  const ada = app.add('users', { name: 'Ada' })
  const bob = app.add('users', { name: 'Bob' })
  const bio = app.add('profiles', { bio: 'maths' })
  app.link(ada, 'users', 'profile', bio)
  const maths = app.add('shelves', { title: 'Maths' })
  const poetry = app.add('shelves', { title: 'Poetry' })
  app.link(maths, 'shelves', 'owner', ada)
  app.link(poetry, 'shelves', 'owner', ada)
  const [euclid, gauss, noether] = ['Euclid', 'Gauss', 'Noether'].map((title, i) =>
    app.add('books', { title, pages: 300 - 100 * i }),
  ) as [string, string, string]
  for (const b of [noether, euclid, gauss]) app.link(maths, 'shelves', 'books', b)
  const odes = app.add('books', { title: 'Odes', pages: 50 })
  app.link(poetry, 'shelves', 'books', odes)
  return { app, store: app.store(), ada, bob, bio, maths, poetry, euclid, gauss, noether, odes }
}

type Lib = ReturnType<typeof library>

function tree(lib: Lib, q: Record<string, unknown>, inference = false) {
  return runInstaqlTree({ store: lib.store }, q, { inference }).data as Record<
    string,
    Record<string, unknown>[]
  >
}

describe('runInstaqlTree', () => {
  test('nests children under their forward and reverse labels, in serverCreatedAt order', () => {
    const lib = library()
    expect(tree(lib, { users: { shelves: { books: { $: { fields: ['title'] } } } } })).toEqual({
      users: [
        {
          id: lib.ada,
          name: 'Ada',
          // Every cardinality-one attr is a key upstream, so an un-queried has-one link shows its id.
          profile: lib.bio,
          shelves: [
            {
              id: lib.maths,
              title: 'Maths',
              owner: lib.ada,
              books: [
                { id: lib.euclid, title: 'Euclid' },
                { id: lib.gauss, title: 'Gauss' },
                { id: lib.noether, title: 'Noether' },
              ],
            },
            { id: lib.poetry, title: 'Poetry', owner: lib.ada, books: [{ id: lib.odes, title: 'Odes' }] },
          ],
        },
        { id: lib.bob, name: 'Bob', shelves: [] },
      ],
    })
  })

  test('with inference, has-one links are objects or null, has-many links stay arrays', () => {
    const lib = library()
    const data = tree(lib, { users: { profile: {}, shelves: { owner: { $: { fields: ['name'] } } } } }, true)
    expect(data.users?.map((u) => u.profile)).toEqual([{ id: lib.bio, bio: 'maths' }, null])
    expect(data.users?.[0]?.shelves).toHaveLength(2)
    expect((data.users?.[0]?.shelves as Record<string, unknown>[])[0]?.owner).toEqual({
      id: lib.ada,
      name: 'Ada',
    })
    // The reverse of a one-to-one link is singular too (its attr is unique?).
    expect(tree(lib, { profiles: { user: { $: { fields: ['name'] } } } }, true).profiles).toEqual([
      { id: lib.bio, bio: 'maths', user: { id: lib.ada, name: 'Ada' } },
    ])
  })

  test('without inference every link is an array', () => {
    const lib = library()
    const data = tree(lib, { users: { $: { fields: ['name'] }, profile: { $: { fields: ['bio'] } } } })
    expect(data.users).toEqual([
      { id: lib.ada, name: 'Ada', profile: [{ id: lib.bio, bio: 'maths' }] },
      { id: lib.bob, name: 'Bob', profile: [] },
    ])
  })

  test('applies a child where and order but ignores child limits, like the real server', () => {
    const lib = library()
    const q = {
      shelves: {
        $: { where: { title: 'Maths' }, fields: ['title'] },
        books: {
          $: { where: { pages: { $gte: 200 } }, order: { pages: 'asc' }, limit: 1, fields: ['title'] },
        },
      },
    }
    expect(tree(lib, q).shelves).toEqual([
      {
        id: lib.maths,
        title: 'Maths',
        books: [
          { id: lib.gauss, title: 'Gauss' },
          { id: lib.euclid, title: 'Euclid' },
        ],
      },
    ])
  })

  test('a top-level page comes in its order with the page-info runInstaql gives', () => {
    const lib = library()
    for (const $ of [
      { order: { pages: 'desc' }, limit: 2 },
      { order: { pages: 'asc' }, last: 2 },
      { order: { title: 'asc' }, offset: 1, limit: 2 },
    ]) {
      const q = { books: { $: { ...$, fields: ['title'] } } }
      const res = runInstaqlTree({ store: lib.store }, q, { inference: false })
      expect(res.pageInfo).toEqual(runInstaql({ store: lib.store }, q).pageInfo)
      const titles = (res.data.books as { title: string }[]).map((b) => b.title)
      expect(titles, JSON.stringify($)).toEqual(
        {
          desc: ['Euclid', 'Gauss'],
          asc: ['Gauss', 'Euclid'],
          title: ['Gauss', 'Noether'],
        }[$.order.pages ?? 'title'],
      )
    }
  })

  test('unknown etypes, links and where attrs give empty results, singular ones null', () => {
    const lib = library()
    expect(tree(lib, { nothing: {}, $$ruleParams: { x: 1 } })).toEqual({ nothing: [] })
    const data = tree(
      lib,
      { users: { $: { fields: ['name'] }, nope: {}, profile: { $: { where: { missing: 1 } } } } },
      true,
    )
    expect(data.users?.[0]).toEqual({ id: lib.ada, name: 'Ada', nope: [], profile: null })
  })

  test('rejects the queries runInstaql rejects, with the same error', () => {
    const lib = library()
    for (const q of [
      { users: { $: { order: { name: 'asc' } } } },
      { users: { $: { limit: 1, first: 1 } } },
      { users: { shelves: { $: { offset: 1 } } } },
      { users: { name: {} } },
    ]) {
      const expected = catchError(() => runInstaql({ store: lib.store }, q))
      expect(expected).toBeInstanceOf(InstantError)
      expect(catchError(() => runInstaqlTree({ store: lib.store }, q, { inference: true }))).toEqual(expected)
    }
  })

  test('hidden entities appear neither at the top level nor as children', () => {
    const lib = library()
    const canView = (_etype: string, e: string) => e !== lib.poetry && e !== lib.gauss && e !== lib.bio
    const ctx = { store: lib.store, canView }
    const data = runInstaqlTree(
      ctx,
      { users: { profile: {}, shelves: { books: {} } } },
      { inference: true },
    ).data
    const ada = (data.users as Record<string, unknown>[])[0] as Record<string, unknown>
    expect(ada.profile).toBeNull()
    expect(ada.shelves).toEqual([
      expect.objectContaining({
        id: lib.maths,
        books: [expect.objectContaining({ id: lib.euclid }), expect.objectContaining({ id: lib.noether })],
      }),
    ])
    // A where path through a hidden entity hides the row, as in runInstaql.
    expect(
      runInstaqlTree(ctx, { books: { $: { where: { 'shelves.title': 'Poetry' } } } }, { inference: false })
        .data,
    ).toEqual({ books: [] })
  })
})

function catchError(f: () => unknown): unknown {
  try {
    f()
  } catch (err) {
    return err
  }
  return undefined
}
