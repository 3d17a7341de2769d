// Fuzzing with a fixed seed and a bounded count: malformed WebSocket frames and HTTP bodies must get
// an error frame or a 4xx — never a crash, a 5xx or a session that stops answering.

import { afterAll, beforeAll, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createEphemeralApp, startTestServer, type TestServer } from './harness.ts'

let server: TestServer
let appId: string

beforeAll(async () => {
  server = await startTestServer()
  appId = (
    await createEphemeralApp(server.url, {
      schema: {
        entities: {
          notes: {
            attrs: {
              text: { valueType: 'string', required: true, config: { indexed: true, unique: false } },
            },
          },
        },
        links: {},
      },
    })
  ).id
})
afterAll(async () => {
  await server.close()
})

/** mulberry32: small, seedable, good enough to pick fuzz cases reproducibly. */
function prng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 2 ? 6 : 9))
  switch (pick) {
    case 0:
      return null
    case 1:
      return rand() < 0.5
    case 2:
      return Math.floor(rand() * 2 ** 40) * (rand() < 0.5 ? -1 : 1)
    case 3:
      return ['', 'x', '00000000-0000-0000-0000-000000000000', 'lookup__x__1', '\u0000', 'ä'.repeat(50)][
        Math.floor(rand() * 6)
      ]
    case 4:
      return Number.NaN
    case 5:
      return 'a'.repeat(Math.floor(rand() * 300))
    case 6:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1))
    default: {
      const keys = [
        'op',
        'q',
        'tx-steps',
        'app-id',
        'room-id',
        'data',
        '$',
        'where',
        'order',
        'first',
        'after',
        'notes',
      ]
      return Object.fromEntries(
        Array.from({ length: Math.floor(rand() * 4) }, () => [
          keys[Math.floor(rand() * keys.length)]!,
          randomValue(rand, depth + 1),
        ]),
      )
    }
  }
}

const OPS = [
  'init',
  'add-query',
  'remove-query',
  'transact',
  'join-room',
  'set-presence',
  'client-broadcast',
  'leave-room',
  'nope',
  42,
]

function randomFrame(rand: () => number, appId: string): string {
  const r = rand()
  if (r < 0.1) return '{not json'
  if (r < 0.15) return JSON.stringify(randomValue(rand))
  const frame: Record<string, unknown> = {
    op: OPS[Math.floor(rand() * OPS.length)],
    'client-event-id': `fuzz-${Math.floor(rand() * 1e9)}`,
  }
  if (rand() < 0.3) frame['app-id'] = rand() < 0.5 ? appId : randomValue(rand)
  if (rand() < 0.5) frame.q = rand() < 0.5 ? { notes: { $: randomValue(rand) } } : randomValue(rand)
  if (rand() < 0.5) {
    frame['tx-steps'] =
      rand() < 0.5
        ? [
            ['add-triple', randomValue(rand), randomValue(rand), randomValue(rand)],
            ['delete-entity', randomValue(rand), 'notes'],
          ]
        : randomValue(rand)
  }
  if (rand() < 0.3) frame['room-id'] = randomValue(rand)
  return JSON.stringify(frame)
}

it('answers 400 fuzzed frames with errors or replies and keeps the session usable', async () => {
  const rand = prng(20261121)
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/runtime/session?app_id=${appId}`)
  const replies: Record<string, unknown>[] = []
  ws.on('message', (d) => replies.push(JSON.parse(d.toString())))
  await new Promise((r) => ws.once('open', r))
  ws.send(JSON.stringify({ op: 'init', 'app-id': appId, 'client-event-id': 'init' }))
  const count = 400
  for (let k = 0; k < count; k++) ws.send(randomFrame(rand, appId))
  ws.send(JSON.stringify({ op: 'add-query', q: { notes: {} }, 'client-event-id': 'final' }))
  const deadline = Date.now() + 20_000
  while (!replies.some((f) => f['client-event-id'] === 'final') && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20))
  expect(replies.find((f) => f['client-event-id'] === 'final')?.op).toBe('add-query-ok')
  const errors = replies.filter((f) => f.op === 'error')
  expect(errors.length).toBeGreaterThan(count / 4)
  for (const e of errors) {
    expect(e.status, JSON.stringify(e)).toBeLessThan(500)
    expect(typeof e.message).toBe('string')
  }
  ws.close()
})

it('answers fuzzed HTTP bodies with 2xx or 4xx, never 5xx', async () => {
  const rand = prng(7)
  const paths = [
    '/runtime/auth/sign_in_guest',
    '/runtime/auth/send_magic_code',
    '/runtime/auth/verify_magic_code',
    '/runtime/auth/verify_refresh_token',
    '/runtime/signout',
    '/runtime/sse',
    '/dash/apps/ephemeral',
    '/admin/magic_code',
    '/admin/refresh_tokens',
    '/admin/query',
    '/admin/transact',
  ]
  for (let k = 0; k < 150; k++) {
    const path = paths[Math.floor(rand() * paths.length)]!
    const body = rand() < 0.2 ? '{broken' : JSON.stringify(randomValue(rand))
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'app-id': rand() < 0.5 ? appId : 'x',
        authorization: 'Bearer nope',
      },
      body,
    })
    expect(res.status, `${path} ${body.slice(0, 200)} → ${await res.text()}`).toBeLessThan(500)
  }
  expect((await fetch(`${server.url}/health`)).status).toBe(200)
})

it('rejects an oversized frame with an error and stays open', async () => {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/runtime/session?app_id=${appId}`)
  const replies: Record<string, unknown>[] = []
  ws.on('message', (d) => replies.push(JSON.parse(d.toString())))
  await new Promise((r) => ws.once('open', r))
  const limit = server.server.ctx.limits.maxFrameBytes
  ws.send(JSON.stringify({ op: 'init', 'app-id': appId, pad: 'x'.repeat(limit + 10) }))
  ws.send(JSON.stringify({ op: 'init', 'app-id': appId, 'client-event-id': 'ok' }))
  const deadline = Date.now() + 20_000
  while (replies.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  expect(replies[0]).toMatchObject({ op: 'error', type: 'oversized' })
  expect(replies[1]).toMatchObject({ op: 'init-ok' })
  ws.close()
})
