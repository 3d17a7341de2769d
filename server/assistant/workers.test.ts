// Several assistant workers against one local Instant server, each its own process (`npm run
// assistant`), with the scripted model: 200 prompts from teachers on the unmodified core client are
// each answered exactly once (asserted on the database), and a worker killed with SIGKILL mid-stream
// has its prompt finished by another once its lease lapses.

import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init } from '@instantdb/admin'
import { afterAll, beforeAll, expect, test } from 'vitest'
import schema from '../../instant.schema.ts'
import { eventually } from '../instant/conformance/harness.ts'
import { refreshTokenFor, signedInClient } from '../instant/conformance/project-users.ts'
import { freePort, type ServerProcess, startServerProcess } from '../instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../instant/local-app.ts'
import { newChatWithPrompt, type Teacher } from './testing/app-writes.ts'
import { type ScriptedModel, startScriptedModel } from './testing/scripted-model.ts'
import { startWorkerProcess, stopProcess } from './testing/worker-process.ts'

const PROMPTS = 200
const TEACHERS = 4
const FALLBACK = ['Antwort', ' in', ' vier', ' Teilen.']

let model: ScriptedModel
let server: ServerProcess
let dataDir: string
let adminToken: string
const workers = new Map<string, ChildProcess>()
const teachers: Teacher[] = []

/** A worker process whose model name is its own, so the model's requests and the replies tell who answered. */
function startWorker(name: string): ChildProcess {
  const proc = startWorkerProcess({
    serverUrl: server.url,
    dataDir,
    modelUrl: model.url,
    name,
    // Short, so the test does not wait long for the killed worker's lease; correctness does not
    // depend on it (a healthy worker that loses its lease on a slow machine is fenced off).
    env: { ASSISTANT_LEASE_MS: '1500' },
  })
  workers.set(name, proc)
  return proc
}

beforeAll(async () => {
  model = await startScriptedModel({ deltas: FALLBACK })
  dataDir = mkdtempSync(join(tmpdir(), 'eduhu-workers-'))
  server = await startServerProcess(dataDir, await freePort(), { env: { INSTANT_LOCAL_LOG: 'error' } })
  adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim()
  for (let t = 0; t < TEACHERS; t++) {
    const token = await refreshTokenFor({ url: server.url, adminToken }, `lehrkraft${t}@schule.example`)
    const db = await signedInClient(server, token)
    const user = await db.getAuth()
    teachers.push({ db, id: user!.id })
  }
}, 180_000)

afterAll(async () => {
  for (const proc of workers.values()) await stopProcess(proc, 'SIGKILL')
  for (const t of teachers) t.db.shutdown()
  await server?.kill('SIGKILL')
  await model?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Polls the database until `check` gives a value (the bound is generous: only a failure waits that long). */
const waitFor = <T>(check: () => Promise<T | undefined>, timeoutMs: number) =>
  eventually(check, timeoutMs, 200)

test('three workers answer 200 prompts exactly once; a worker killed mid-stream has its prompt finished by another', async () => {
  const admin = init({ appId: LOCAL_APP_ID, adminToken, apiURI: server.url, schema })
  for (const name of ['w1', 'w2', 'w3']) startWorker(name)

  // The first prompt's stream holds after its first words; whoever took it is killed there.
  const [held] = model.queue({ deltas: ['Halb', ' fertig', ' …'], gates: { mid: 1 } })
  const { requestId: first } = await newChatWithPrompt(teachers[0]!, 'Prompt 0')
  await held!.reached('mid')
  const victim = (await held!.request).body.model
  const replyOf = async (requestId: string) =>
    (
      await admin.query({
        messages: { $: { where: { 'parent.id': requestId } } },
      })
    ).messages
  // The first words are in the database, written by the victim: it is mid-stream.
  const partial = await waitFor(async () => {
    const rows = await replyOf(first)
    return rows[0]?.text === 'Halb' ? rows[0] : undefined
  }, 60_000)
  expect(partial).toMatchObject({ status: 'streaming', model: victim })
  await stopProcess(workers.get(victim)!, 'SIGKILL')

  const requests = [first]
  for (let k = 1; k < PROMPTS; k++)
    requests.push((await newChatWithPrompt(teachers[k % TEACHERS]!, `Prompt ${k}`)).requestId)

  // Wait for the condition: every request done with a finished reply (no clock involved).
  const all = async () =>
    (
      await admin.query({
        messages: {
          $: { where: { role: 'user' } },
          children: {},
          claims: {},
        },
      })
    ).messages
  const rows = await waitFor(async () => {
    const r = await all()
    const finished = r.filter((m) => m.status === 'done' && m.children.some((c) => c.status === 'done'))
    return finished.length === PROMPTS ? r : undefined
  }, 300_000)

  expect(rows).toHaveLength(PROMPTS)
  for (const request of rows) {
    // Exactly one reply per prompt: no second claim ever got through.
    expect(request.children, request.text).toHaveLength(1)
    const reply = request.children[0]!
    expect(reply).toMatchObject({ role: 'assistant', status: 'done', text: FALLBACK.join('') })
  }
  // The killed worker's prompt: its reply was replaced by another worker's, which finished it.
  const taken = rows.find((r) => r.id === first)!
  expect(taken.children[0]!.model).not.toBe(victim)
  expect(taken.children[0]!.id).not.toBe(partial.id)
  const keys = taken.claims.map((c) => [c.key.split(':')[1], c.state]).sort()
  expect(keys).toEqual([
    ['0/0', 'taken'],
    ['0/1', 'done'],
    ['0/2', 'done'],
  ])
  // Every other prompt: one claim (slot 0) closed by its finish (slot 1), nothing else.
  for (const r of rows.filter((m) => m.id !== first))
    expect(r.claims.map((c) => c.key.split(':')[1]).sort(), r.text).toEqual(['0/0', '0/1'])
  // The surviving workers both answered (the load was shared, not serialised on one).
  const byModel = new Map<string, number>()
  for (const r of rows) {
    const m = r.children[0]!.model!
    byModel.set(m, (byModel.get(m) ?? 0) + 1)
  }
  expect([...byModel.keys()].sort()).toEqual(['w1', 'w2', 'w3'].filter((w) => w !== victim))
  // The model was asked once per prompt, plus once more for the prompt taken over.
  expect(model.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(PROMPTS + 1)
}, 600_000)
