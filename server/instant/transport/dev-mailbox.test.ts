// The dev mailbox (magic codes without e-mail) on a loopback-only server: open to a direct request,
// but a request a reverse proxy forwarded needs the admin token, so a proxy in front of the server
// (deploy/single-machine) does not publish every teacher's sign-in code.

import { afterAll, beforeAll, expect, test } from 'vitest'
import { createEphemeralApp, startTestServer, type TestServer } from '../conformance/harness.ts'

let server: TestServer
let app: { id: string; adminToken: string }
const email = 'lehrkraft@schule.example'

beforeAll(async () => {
  server = await startTestServer()
  app = await createEphemeralApp(server.url)
  const sent = await fetch(`${server.url}/runtime/auth/send_magic_code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ 'app-id': app.id, email }),
  })
  expect(sent.status).toBe(200)
})
afterAll(async () => {
  await server?.close()
})

const mailbox = (headers: Record<string, string> = {}) =>
  fetch(`${server.url}/dev/mailbox?app_id=${app.id}&email=${encodeURIComponent(email)}`, { headers })

test('a direct request on a loopback-only server reads the codes', async () => {
  const res = await mailbox()
  expect(res.status).toBe(200)
  expect(((await res.json()) as { codes: unknown[] }).codes).toHaveLength(1)
})

test('a forwarded request needs the admin token', async () => {
  const forwarded: Record<string, string>[] = [
    { 'x-forwarded-for': '203.0.113.7' },
    { forwarded: 'for=203.0.113.7' },
  ]
  for (const headers of forwarded) {
    const refused = await mailbox(headers)
    expect(refused.status, JSON.stringify(headers)).toBeGreaterThanOrEqual(400)
    expect(refused.status).toBeLessThan(500)
    expect(await refused.text()).not.toMatch(/"code"/)
    const allowed = await mailbox({ ...headers, authorization: `Bearer ${app.adminToken}` })
    expect(allowed.status).toBe(200)
    expect(((await allowed.json()) as { codes: unknown[] }).codes).toHaveLength(1)
  }
})
