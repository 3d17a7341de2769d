// `npm run conformance` against the local server, as an operator would run it against theirs: every
// area passes and nothing of the run is left behind; with rules that let anyone read anything, the
// permission area fails and says what it saw.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init as initAdmin } from '@instantdb/admin'
import { afterAll, beforeAll, expect, it } from 'vitest'
import schema from '../../../instant.schema.ts'
import { LOCAL_APP_ID } from '../local-app.ts'
import { freePort, type ServerProcess, startServerProcess } from './server-process.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'instant-operator-'))
let server: ServerProcess
beforeAll(async () => {
  server = await startServerProcess(dataDir, await freePort())
})
afterAll(async () => {
  await server?.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

function conformance(args: string[] = []): Promise<{ code: number | null; out: string }> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/instant/ops/conformance-main.ts',
      '--api-uri',
      server.url,
      '--app-id',
      LOCAL_APP_ID,
      '--admin-token-file',
      join(dataDir, 'admin-token'),
      ...args,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  proc.stdout.on('data', (d) => (out += d))
  proc.stderr.on('data', (d) => (out += d))
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out })))
}

it('passes every area against the local server and leaves nothing behind', async () => {
  const run = await conformance()
  const lines = run.out.trim().split('\n')
  for (const area of [
    'queries',
    'pagination',
    'real-time',
    'auth',
    'permission rules',
    'admin API',
    'cleanup',
  ]) {
    expect(lines.find((l) => l.includes(` ${area} `)) ?? `no line for ${area}`).toMatch(/^ok {4}/)
  }
  expect(lines.at(-1)).toBe('6/6 areas passed, cleanup complete')
  expect(run.code).toBe(0)

  const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  const admin = initAdmin({ appId: LOCAL_APP_ID, adminToken, apiURI: server.url, schema })
  const left = await admin.query({ conversations: {}, messages: {}, $users: {} })
  expect(left).toEqual({ conversations: [], messages: [], $users: [] })
}, 300_000)

it('fails the permission area when the rules let anyone read anything', async () => {
  const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  const open = await fetch(`${server.url}/dash/apps/${LOCAL_APP_ID}/rules`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ code: {} }),
  })
  expect(open.status).toBe(200)
  const run = await conformance(['--area', 'permission rules'])
  expect(run.out).toMatch(/^FAIL {2}permission rules another teacher cannot see A's conversation/m)
  expect(run.out).toContain('0/1 areas passed; failed: permission rules')
  expect(run.code).toBe(1)
}, 300_000)
