import { beforeAll, describe, expect, test } from 'vitest'
import type { Triple } from '../model/types.ts'
import { type ClientEngine, loadClientEngine } from './client-engine.ts'
import { runInstaql } from './run-instaql.ts'
import { TestApp } from './test-app.ts'

let client: ClientEngine
beforeAll(async () => {
  client = await loadClientEngine()
})

function library() {
  const app = new TestApp(
    {
      users: { name: { type: 'string' } },
      shelves: { title: { type: 'string' } },
      books: { title: { type: 'string', indexed: true }, pages: { type: 'number', indexed: true } },
    },
    [
      { forward: ['shelves', 'owner', 'one'], reverse: ['users', 'shelves', 'many'] },
      { forward: ['shelves', 'books', 'many'], reverse: ['books', 'shelves', 'many'] },
    ],
  )
  const ada = app.add('users', { name: 'Ada' })
  const s1 = app.add('shelves', { title: 'Maths' })
  const s2 = app.add('shelves', { title: 'Poetry' })
  app.link(s1, 'shelves', 'owner', ada)
  app.link(s2, 'shelves', 'owner', ada)
  const books = ['Euclid', 'Gauss', 'Noether'].map((title, i) =>
    app.add('books', { title, pages: 100 * (i + 1) }),
  )
  for (const b of books) app.link(s1, 'shelves', 'books', b)
  const odes = app.add('books', { title: 'Odes', pages: 50 })
  app.link(s2, 'shelves', 'books', odes)
  return { app, ada, s1, s2, books, odes, store: app.store() }
}

function view(lib: ReturnType<typeof library>, q: Record<string, unknown>) {
  const res = runInstaql({ store: lib.store }, q)
  return { res, data: client.run(lib.app.attrs, res.triples, q, res.pageInfo) as Record<string, unknown[]> }
}

describe('nested forms', () => {
  test('children come through forward and reverse labels, recursively', () => {
    const lib = library()
    const { data } = view(lib, { users: { shelves: { books: {} } } })
    expect(data).toEqual({
      users: [
        {
          id: lib.ada,
          name: 'Ada',
          shelves: [
            {
              id: lib.s1,
              title: 'Maths',
              books: lib.books.map((id, i) => ({
                id,
                title: ['Euclid', 'Gauss', 'Noether'][i],
                pages: 100 * (i + 1),
              })),
            },
            { id: lib.s2, title: 'Poetry', books: [{ id: lib.odes, title: 'Odes', pages: 50 }] },
          ],
        },
      ],
    })
    const up = view(lib, { books: { $: { where: { title: 'Odes' } }, shelves: { owner: {} } } }).data
    expect(up).toEqual({
      books: [
        {
          id: lib.odes,
          title: 'Odes',
          pages: 50,
          shelves: [{ id: lib.s2, title: 'Poetry', owner: [{ id: lib.ada, name: 'Ada' }] }],
        },
      ],
    })
  })

  test('a child where filters children on the server too', () => {
    const lib = library()
    const { res, data } = view(lib, { shelves: { books: { $: { where: { pages: { $gt: 150 } } } } } })
    const sent = new Set(res.triples.map((t: Triple) => t[0]))
    expect(sent.has(lib.books[0] as string)).toBe(false)
    const shelves = data.shelves as { books: { title: string }[] }[]
    expect(shelves.map((s) => s.books.map((b) => b.title))).toEqual([['Gauss', 'Noether'], []])
  })

  test('children get no limit on the server: the client applies it', () => {
    const lib = library()
    const q = {
      shelves: { $: { where: { id: lib.s1 } }, books: { $: { limit: 1, order: { pages: 'desc' } } } },
    }
    const { res, data } = view(lib, q)
    for (const b of lib.books) expect(res.triples.some((t) => t[0] === b)).toBe(true)
    expect(res.pageInfo).toEqual({})
    expect((data.shelves as { books: { title: string }[] }[])[0]?.books.map((b) => b.title)).toEqual([
      'Noether',
    ])
  })

  test('fields send only those attrs and the id, but keep where-path triples', () => {
    const lib = library()
    const q = { books: { $: { where: { 'shelves.title': 'Poetry' }, fields: ['pages'] } } }
    const { res, data } = view(lib, q)
    expect(data).toEqual({ books: [{ id: lib.odes, pages: 50 }] })
    const titleAttr = lib.app.attr('books', 'title').id
    expect(res.triples.some((t) => t[0] === lib.odes && t[1] === titleAttr)).toBe(false)
    expect(res.triples).toContainEqual([
      lib.s2,
      lib.app.attr('shelves', 'title').id,
      'Poetry',
      expect.any(Number),
    ])
  })

  test('an unknown nested label yields an empty child, like the client', () => {
    const lib = library()
    const { data } = view(lib, { users: { pets: {} } })
    expect(data).toEqual({ users: [{ id: lib.ada, name: 'Ada', pets: [] }] })
  })

  test('every triple is sent once', () => {
    const lib = library()
    const { res } = view(lib, { shelves: { books: { shelves: { books: {} } } }, books: { shelves: {} } })
    const keys = res.triples.map((t) => JSON.stringify(t.slice(0, 3)))
    expect(new Set(keys).size).toBe(keys.length)
  })
})
