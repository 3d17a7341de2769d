// Differential test of the admin object tree: for random nested queries, runInstaqlTree's data must
// be what the real client engine shows (cardinality inference on and off) over all triples with our
// page-info, and, under canView, over exactly the triples runInstaql sends. The client is read
// through the real server's documented differences (see asClientShows and forClient).

import { beforeAll, expect, test } from 'vitest'
import type { Attr, PageInfo, Triple } from '../model/types.ts'
import { type ClientEngine, loadClientEngine } from './client-engine.ts'
import {
  buildApp,
  chance,
  itemWhere,
  ownerWhere,
  pick,
  queryOf,
  type Rand,
  randomOptions,
  type Shape,
  type World,
} from './random-queries.ts'
import { runInstaql } from './run-instaql.ts'
import { runInstaqlTree } from './run-instaql-tree.ts'
import { prng } from './test-app.ts'

const SEED = 20261123
const QUERIES = 250

let client: ClientEngine
beforeAll(async () => {
  client = await loadClientEngine()
})

/** Each etype's link labels and the etype on the other side. */
const links: Record<string, Record<string, string>> = {
  items: { owner: 'owners', tags: 'tags' },
  owners: { items: 'items', profile: 'profiles' },
  tags: { items: 'items' },
  profiles: { owner: 'owners' },
}

const dir = (rand: Rand) => pick(rand, ['asc', 'desc'] as const)

function whereFor(rand: Rand, w: World, etype: string): Record<string, unknown> {
  if (etype === 'items') return itemWhere(rand, w, 1)
  if (etype === 'owners') return ownerWhere(rand, w)
  if (etype === 'tags') return { name: pick(rand, ['t0', 't1', { $ne: 't2' }]) }
  return pick(rand, [{ bio: 'hi' }, { 'owner.name': pick(rand, ['ann', 'bo']) }])
}

function orderKeyFor(rand: Rand, etype: string, isChild: boolean): string {
  // Children may order by any attr (the server does not validate them); pages only by indexed ones.
  const keys: Record<string, string[]> = {
    items: ['serverCreatedAt', 'value', 'label', 'date', 'done', ...(isChild ? ['tag'] : [])],
    owners: ['serverCreatedAt', 'name'],
    tags: ['serverCreatedAt', ...(isChild ? ['name'] : [])],
    profiles: ['serverCreatedAt', ...(isChild ? ['bio'] : [])],
  }
  return pick(rand, keys[etype] ?? ['serverCreatedAt'])
}

const fieldsFor: Record<string, string[][]> = {
  items: [['value'], ['label', 'date'], ['owner']],
  owners: [['name']],
  tags: [['name']],
  profiles: [['bio']],
}

function childOptions(rand: Rand, w: World, etype: string): Record<string, unknown> {
  return {
    ...(chance(rand, 0.4) && { where: whereFor(rand, w, etype) }),
    ...(chance(rand, 0.5) && { order: { [orderKeyFor(rand, etype, true)]: dir(rand) } }),
    ...(chance(rand, 0.3) && { [pick(rand, ['limit', 'first', 'last'])]: 1 + Math.floor(rand() * 2) }),
    ...(chance(rand, 0.25) && { fields: pick(rand, fieldsFor[etype] ?? []) }),
  }
}

function childrenFor(rand: Rand, w: World, etype: string, depth: number): Record<string, unknown> {
  if (depth >= 3) return {}
  const out: Record<string, unknown> = {}
  for (const [label, next] of Object.entries(links[etype] ?? {})) {
    if (!chance(rand, depth === 0 ? 0.6 : 0.35)) continue
    const $ = chance(rand, 0.6) ? childOptions(rand, w, next) : {}
    out[label] = { ...(Object.keys($).length && { $ }), ...childrenFor(rand, w, next, depth + 1) }
  }
  return out
}

function randomShape(rand: Rand, w: World): Shape {
  const etype = pick(rand, ['items', 'items', 'owners', 'tags', 'profiles'])
  const other = pick(
    rand,
    ['owners', 'tags', 'profiles'].filter((e) => e !== etype),
  )
  return {
    etype,
    ...(chance(rand, 0.5) && { where: whereFor(rand, w, etype) }),
    ...(chance(rand, 0.6) && { order: { [orderKeyFor(rand, etype, false)]: dir(rand) } }),
    ...(chance(rand, 0.15) && { fields: pick(rand, fieldsFor[etype] ?? []) }),
    children: childrenFor(rand, w, etype, 0),
    ...(chance(rand, 0.15) && { others: { [other]: childrenFor(rand, w, other, 1) } }),
  }
}

/** The etype a link label leads to from etype (forward or reverse). */
function linkedEtype(attrs: readonly Attr[], etype: string, label: string): string | undefined {
  for (const a of attrs) {
    const [, e, l] = a['forward-identity']
    const rev = a['reverse-identity']
    if (e === etype && l === label) return rev?.[1]
    if (rev?.[1] === etype && rev[2] === label) return e
  }
  return undefined
}

/**
 * Our tree as the client engine presents it. The real server differs in two documented ways that
 * this undoes: it keys every cardinality-one attr (the client shows no ref attrs), and a missing
 * singular link is null (the client's undefined).
 */
function asClientShows(attrs: readonly Attr[], etype: string, form: object, entity: unknown): unknown {
  const obj = { ...(entity as Record<string, unknown>) }
  const children = Object.keys(form).filter((k) => k !== '$')
  for (const [k, v] of Object.entries(obj)) {
    const child = children.includes(k)
    if (!child) {
      const attr = attrs.find((a) => a['forward-identity'][1] === etype && a['forward-identity'][2] === k)
      if (attr?.['value-type'] === 'ref') delete obj[k]
      continue
    }
    const next = linkedEtype(attrs, etype, k) ?? ''
    const sub = (form as Record<string, object>)[k] ?? {}
    if (v === null) obj[k] = undefined
    else if (Array.isArray(v)) obj[k] = v.map((x) => asClientShows(attrs, next, sub, x))
    else obj[k] = asClientShows(attrs, next, sub, v)
  }
  return obj
}

/**
 * q as the client must run it to show the server's tree: child limits dropped (the real server
 * ignores them), and a leading `last` page read through our cursors (over all triples the client
 * would otherwise show the first N; only the server picks the last N).
 */
function forClient(q: Record<string, unknown>, pageInfo: Record<string, PageInfo>, allPages: boolean) {
  const strip = (form: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(form).map(([k, v]) => {
        if (k !== '$') return [k, strip(v as Record<string, unknown>)]
        const { limit: _l, first: _f, last: _z, ...rest } = v as Record<string, unknown>
        return [k, rest]
      }),
    )
  return Object.fromEntries(
    Object.entries(q).map(([etype, form]) => {
      const f = form as Record<string, unknown>
      const $ = (f.$ ?? {}) as Record<string, unknown>
      const children = strip(Object.fromEntries(Object.entries(f).filter(([k]) => k !== '$')))
      const leading = !$.offset && !$.before && !$.after
      const info = pageInfo[etype]
      // `after` only makes the client non-leading: it then shows the rows between page-info's cursors.
      const readCursors = info && leading && ($.last !== undefined || allPages)
      const after = info?.['start-cursor'] ?? ['', '', null, 0]
      return [etype, { $: { ...$, ...(readCursors && { after, afterInclusive: true }) }, ...children }]
    }),
  )
}

function randomCanView(rand: Rand, w: World) {
  const hidden = new Set([...w.items, ...w.owners, ...w.tags, ...w.profiles].filter(() => chance(rand, 0.2)))
  return (_etype: string, e: string) => !hidden.has(e)
}

test(`the admin tree is what the client engine shows (${QUERIES} random nested queries)`, () => {
  const rand = prng(SEED)
  const w = buildApp(rand, SEED, { profiles: true })
  const attrs = w.app.attrs
  let nested = 0
  let singular = 0
  for (let i = 0; i < QUERIES; i++) {
    const shape = randomShape(rand, w)
    const q = queryOf(shape, randomOptions(rand, w, shape))
    const canView = chance(rand, 0.4) ? randomCanView(rand, w) : undefined
    const ctx = { store: w.store, ...(canView && { canView }) }
    const sent = runInstaql(ctx, q)
    // Without rules the client sees everything; with rules, exactly what the server sends.
    const triples: readonly Triple[] = canView ? sent.triples : w.app.triples
    for (const inference of [false, true]) {
      const context = `query #${i} (inference ${inference}, canView ${Boolean(canView)}): ${JSON.stringify(q)}`
      const res = runInstaqlTree(ctx, q, { inference })
      expect(res.pageInfo, context).toEqual(sent.pageInfo)
      // Under rules a page is chosen before permissions, so the client must read it by its cursors.
      const shown = client.run(attrs, triples, forClient(q, res.pageInfo, Boolean(canView)), res.pageInfo, {
        inference,
      }) as Record<string, unknown[]>
      const ours = Object.fromEntries(
        Object.entries(res.data).map(([etype, es]) => [
          etype,
          es.map((e) => asClientShows(attrs, etype, q[etype] as object, e)),
        ]),
      )
      expect(ours, context).toEqual(shown)
      const json = JSON.stringify(res.data)
      if (/":\[\{/.test(json.slice(1))) nested++
      if (inference && /":\{"/.test(json)) singular++
    }
  }
  // Guard against a generator that only produces trivial trees.
  expect(nested).toBeGreaterThan(QUERIES / 2)
  expect(singular).toBeGreaterThan(QUERIES / 5)
})
