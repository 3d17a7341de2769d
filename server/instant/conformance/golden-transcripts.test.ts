// Golden transcripts of the wire frames for init, add-query, transact, refresh and error. Ids and
// times are replaced by stable placeholders; run with UPDATE_GOLDEN=1 to rewrite after a deliberate
// protocol change, and review the diff.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createEphemeralApp, eventually, startTestServer, type TestServer } from './harness.ts'

type Frame = Record<string, unknown>
let server: TestServer
let appId: string

const schema = {
  entities: {
    todos: {
      attrs: {
        text: { valueType: 'string', required: true, config: { indexed: false, unique: false } },
        rank: { valueType: 'number', required: false, config: { indexed: true, unique: false } },
      },
    },
  },
  links: {},
}

beforeAll(async () => {
  server = await startTestServer()
  appId = (await createEphemeralApp(server.url, { schema })).id
})
afterAll(async () => {
  await server.close()
})

/** A raw socket that records every frame in both directions. */
async function recorder() {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/runtime/session?app_id=${appId}`)
  const transcript: { dir: 'send' | 'recv'; frame: Frame }[] = []
  ws.on('message', (d) => {
    const parsed = JSON.parse(d.toString()) as Frame | Frame[]
    for (const f of Array.isArray(parsed) ? parsed : [parsed]) transcript.push({ dir: 'recv', frame: f })
  })
  await new Promise((r) => ws.once('open', r))
  return {
    transcript,
    send(frame: Frame) {
      transcript.push({ dir: 'send', frame })
      ws.send(JSON.stringify(frame))
    },
    async until(op: string, count = 1) {
      await eventually(() =>
        transcript.filter((t) => t.dir === 'recv' && t.frame.op === op).length >= count ? true : undefined,
      )
    },
    close: () => ws.close(),
  }
}

type WireAttr = { id: string; 'forward-identity': string[]; 'reverse-identity'?: string[] }

/**
 * Replaces attr ids by their names, other UUIDs by first appearance, and times and tx ids by
 * placeholders; sorts join-row triples, whose order depends on the (random) app's attr ids.
 */
function normalise(value: unknown, attrs: WireAttr[]): unknown {
  const ids = new Map<string, string>()
  for (const a of attrs) {
    const [identId, etype, label] = a['forward-identity']
    ids.set(a.id, `<attr ${etype}.${label}>`)
    ids.set(identId!, `<ident ${etype}.${label}>`)
    const rev = a['reverse-identity']
    if (rev) ids.set(rev[0]!, `<ident ${rev[1]}.${rev[2]}>`)
  }
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) {
        if (!ids.has(v)) ids.set(v, `<uuid-${ids.size + 1}>`)
        return ids.get(v)
      }
      if (/^\d{4}-\d\d-\d\dT/.test(v)) return '<iso-time>'
      return v
    }
    if (typeof v === 'number' && (key === 'tx-id' || key === 'processed-tx-id')) return '<tx-id>'
    if (typeof v === 'number' && v > 1_500_000_000_000 && v < 4_000_000_000_000) return '<epoch-ms>'
    if (Array.isArray(v) && key === 'join-rows') {
      return v.map((row: unknown[]) =>
        row.map((t) => walk(t)).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1)),
      )
    }
    if (Array.isArray(v)) return v.map((x) => walk(x))
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]))
    return v
  }
  return walk(value)
}

function checkGolden(name: string, transcript: unknown, attrs: WireAttr[]): void {
  const file = join(import.meta.dirname, 'golden', `${name}.json`)
  const actual = `${JSON.stringify(normalise(transcript, attrs), null, 2)}\n`
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) throw new Error(`golden file ${name}.json is missing`)
    writeFileSync(file, actual)
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

it('matches the golden transcript for init, add-query, transact, refresh and error', async () => {
  const a = await recorder()
  const b = await recorder()
  a.send({
    op: 'init',
    'client-event-id': '00000000-0000-4000-8000-00000000000a',
    'app-id': appId,
    versions: { '@instantdb/core': 'v1.0.67' },
  })
  b.send({
    op: 'init',
    'client-event-id': '00000000-0000-4000-8000-00000000000b',
    'app-id': appId,
    versions: { '@instantdb/core': 'v1.0.67' },
  })
  await a.until('init-ok')
  await b.until('init-ok')
  const attrs = a.transcript.find((t) => t.frame.op === 'init-ok')!.frame.attrs as WireAttr[]
  const attr = (label: string) =>
    attrs.find((x) => x['forward-identity'][1] === 'todos' && x['forward-identity'][2] === label)!.id
  const q = { todos: { $: { order: { rank: 'asc' }, first: 2 } } }
  b.send({ op: 'add-query', 'client-event-id': '00000000-0000-4000-8000-0000000000b1', q })
  await b.until('add-query-ok')
  const todo = '00000000-0000-4000-8000-000000000101'
  a.send({
    op: 'transact',
    'client-event-id': '00000000-0000-4000-8000-0000000000a1',
    created: 1795301558657,
    order: 1,
    'tx-steps': [
      ['add-triple', todo, attr('id'), todo],
      ['add-triple', todo, attr('text'), 'Arbeitsblatt drucken'],
      ['add-triple', todo, attr('rank'), 1],
    ],
  })
  await a.until('transact-ok')
  await b.until('refresh-ok')
  a.send({
    op: 'transact',
    'client-event-id': '00000000-0000-4000-8000-0000000000a2',
    'tx-steps': [['add-triple', todo, attr('rank'), 'not a number']],
  })
  await a.until('error')
  a.close()
  b.close()
  // The data triples carry server times; the transcript is stable once they are normalised.
  checkGolden('session', { a: a.transcript, b: b.transcript }, attrs)
})
