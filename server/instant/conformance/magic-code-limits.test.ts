// Magic-code guessing and sending limits, tried from outside as an attacker would: raw HTTP at the
// runtime endpoints and the unmodified core client. Brute force fails within the limit, the right
// code is refused once the address is locked, floods of code e-mails get 429 with a retry-after.

import { InstantAPIError } from '@instantdb/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Limits, limitsFromEnv } from '../shared/limits.ts'
import { createEphemeralApp, startTestServer, type TestServer } from './harness.ts'
import { nodeClient } from './node-client.ts'

const defaults = limitsFromEnv({})
const LIMITS: Limits = {
  ...defaults,
  magicCodes: { ...defaults.magicCodes, attemptsPerCode: 5, failuresPerAddress: 10, sendsPerAddress: 10 },
}

let server: TestServer
let appId: string
beforeAll(async () => {
  server = await startTestServer(undefined, { limits: LIMITS })
  appId = (await createEphemeralApp(server.url)).id
})
afterAll(async () => {
  await server.close()
})

let addressCount = 0
const newAddress = (label: string) => `${label}-${++addressCount}@schule.example`

function post(path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/runtime/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ 'app-id': appId, ...body }),
  })
}

async function sendCode(email: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await post('send_magic_code', { email }, headers)
  if (res.status !== 200) throw new Error(`send_magic_code answered ${res.status}: ${await res.text()}`)
  const mailbox = await fetch(`${server.url}/dev/mailbox?app_id=${appId}&email=${encodeURIComponent(email)}`)
  const { codes } = (await mailbox.json()) as { codes: { code: string }[] }
  return codes[0]!.code
}

/** A six-digit code that is not `code`. */
const wrongCode = (code: string, k: number) => String((Number(code) + 1 + k) % 1_000_000).padStart(6, '0')

describe('guessing', () => {
  it('stops a brute force of 500 codes on one address within the limit, and the right code with it', async () => {
    const email = newAddress('target')
    const code = await sendCode(email)
    const statuses: number[] = []
    for (let k = 0; k < 500; k++) {
      const res = await post('verify_magic_code', { email, code: wrongCode(code, k) })
      statuses.push(res.status)
      if (res.status === 429 && statuses.filter((s) => s === 429).length === 1) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
        const body = (await res.json()) as { type: string; message: string; hint: Record<string, unknown> }
        expect(body.type).toBe('rate-limited')
        expect(body.message).toMatch(/Too many wrong codes .* Try again in \d+ minutes?\./)
        expect(body.hint['retry-after']).toBe(Number(res.headers.get('retry-after')))
        expect(Date.parse(String(body.hint['retry-at']))).toBeGreaterThan(Date.now())
      } else await res.body?.cancel()
    }
    expect(statuses.filter((s) => s === 400)).toHaveLength(LIMITS.magicCodes.failuresPerAddress)
    expect(statuses.filter((s) => s === 429)).toHaveLength(500 - LIMITS.magicCodes.failuresPerAddress)
    expect(statuses.filter((s) => s === 200)).toHaveLength(0)

    // The right code no longer opens the account, through the unmodified client either.
    const db = nodeClient({ appId, url: server.url })
    const refused = await db.auth.signInWithMagicCode({ email, code }).catch((err: unknown) => err)
    expect(refused).toBeInstanceOf(InstantAPIError)
    expect((refused as InstantAPIError).status).toBe(429)
    expect((refused as InstantAPIError).body?.type).toBe('rate-limited')
    db.shutdown()
  })

  it('voids a code after its wrong guesses; a new code then works', async () => {
    const email = newAddress('typo')
    const code = await sendCode(email)
    const db = nodeClient({ appId, url: server.url })
    for (let k = 0; k < LIMITS.magicCodes.attemptsPerCode; k++) {
      const err = await db.auth.signInWithMagicCode({ email, code: wrongCode(code, k) }).catch((e) => e)
      expect((err as InstantAPIError).status).toBe(400)
      expect((err as InstantAPIError).body?.type).toBe('record-not-found')
    }
    const voided = await db.auth.signInWithMagicCode({ email, code }).catch((e: unknown) => e)
    expect((voided as InstantAPIError).body?.type).toBe('record-not-found')

    const fresh = await sendCode(email)
    const { user } = await db.auth.signInWithMagicCode({ email, code: fresh })
    expect(user.email).toBe(email)
    db.shutdown()
  })

  it('keeps only the newest code valid, so outstanding codes do not add up', async () => {
    const email = newAddress('twice')
    const first = await sendCode(email)
    const second = await sendCode(email)
    expect(second).not.toBe(first)
    const old = await post('verify_magic_code', { email, code: first })
    expect(old.status).toBe(400)
    await old.body?.cancel()
    const res = await post('verify_magic_code', { email, code: second })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { user: { email: string } }).user.email).toBe(email)
  })

  it('forgives earlier typos once the owner signs in', async () => {
    const email = newAddress('owner')
    for (let round = 0; round < 3; round++) {
      const code = await sendCode(email)
      for (let k = 0; k < 4; k++) {
        const res = await post('verify_magic_code', { email, code: wrongCode(code, k) })
        expect(res.status).toBe(400)
        await res.body?.cancel()
      }
      const ok = await post('verify_magic_code', { email, code })
      expect(ok.status).toBe(200)
      await ok.body?.cancel()
    }
  })
})

describe('sending', () => {
  it('refuses a flood of code e-mails to one address with 429 and a retry-after, other addresses unaffected', async () => {
    const email = newAddress('flood')
    const db = nodeClient({ appId, url: server.url })
    const outcomes: (number | 'sent')[] = []
    for (let k = 0; k < 50; k++) {
      outcomes.push(
        await db.auth.sendMagicCode({ email }).then(
          () => 'sent' as const,
          (err: InstantAPIError) => err.status,
        ),
      )
    }
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(LIMITS.magicCodes.sendsPerAddress)
    expect(outcomes.slice(LIMITS.magicCodes.sendsPerAddress).every((o) => o === 429)).toBe(true)
    const raw = await post('send_magic_code', { email })
    expect(raw.status).toBe(429)
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await raw.json()) as { message: string }).message).toMatch(/Too many codes were requested/)

    await expect(db.auth.sendMagicCode({ email: newAddress('neighbour') })).resolves.toEqual({ sent: true })
    db.shutdown()
  })

  it('trusts its admin API: the app server may send and check codes without the client limits', async () => {
    const { id, adminToken } = await createEphemeralApp(server.url)
    const email = newAddress('admin')
    const headers = {
      'content-type': 'application/json',
      'app-id': id,
      authorization: `Bearer ${adminToken}`,
    }
    let code = ''
    for (let k = 0; k < LIMITS.magicCodes.sendsPerAddress + 5; k++) {
      const res = await fetch(`${server.url}/admin/magic_code`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ email }),
      })
      expect(res.status).toBe(200)
      code = ((await res.json()) as { code: string }).code
    }
    const res = await fetch(`${server.url}/admin/verify_magic_code`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email, code }),
    })
    expect(res.status).toBe(200)
    await res.body?.cancel()
  })
})

describe('per client, and expiry', () => {
  let strict: TestServer
  let strictApp: string
  beforeAll(async () => {
    strict = await startTestServer(undefined, {
      limits: {
        ...LIMITS,
        magicCodes: {
          ...LIMITS.magicCodes,
          sendsPerClient: 3,
          failuresPerClient: 4,
          trustProxy: true,
          ttlMs: 1,
        },
      },
    })
    strictApp = (await createEphemeralApp(strict.url)).id
  })
  afterAll(async () => {
    await strict.close()
  })

  const strictPost = (path: string, body: Record<string, unknown>, client: string) =>
    fetch(`${strict.url}/runtime/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `${client}, 10.0.0.1` },
      body: JSON.stringify({ 'app-id': strictApp, ...body }),
    })

  it('limits code requests and wrong codes per client over all addresses (behind a trusted proxy)', async () => {
    const sends = []
    for (let k = 0; k < 4; k++)
      sends.push((await strictPost('send_magic_code', { email: newAddress('c') }, '203.0.113.7')).status)
    expect(sends).toEqual([200, 200, 200, 429])
    // Another client behind the same proxy has its own budget.
    expect((await strictPost('send_magic_code', { email: newAddress('c') }, '203.0.113.8')).status).toBe(200)

    const guesses = []
    for (let k = 0; k < 5; k++) {
      const res = await strictPost(
        'verify_magic_code',
        { email: newAddress('g'), code: '123456' },
        '198.51.100.9',
      )
      guesses.push(res.status)
    }
    expect(guesses).toEqual([400, 400, 400, 400, 429])
  })

  it('refuses a code past its lifetime', async () => {
    const email = newAddress('late')
    const sent = await strictPost('send_magic_code', { email }, '192.0.2.44')
    expect(sent.status).toBe(200)
    const sentAt = Date.now()
    const mailbox = await fetch(`${strict.url}/dev/mailbox?app_id=${strictApp}&email=${email}`)
    const code = ((await mailbox.json()) as { codes: { code: string }[] }).codes[0]!.code
    while (Date.now() <= sentAt + 1) await new Promise((r) => setImmediate(r))
    const res = await strictPost('verify_magic_code', { email, code }, '192.0.2.44')
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toBe(
      'The code has expired. Request a new one.',
    )
  })
})
