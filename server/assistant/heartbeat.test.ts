// The heartbeat on the real stack: the local Instant server with the project's schema and rules, a
// teacher on the unmodified core client reading the records as the app does, the real worker and a
// scripted model for the model's health. States are derived by the app's own src/lib/assistant-state.ts.

import { init } from '@instantdb/admin'
import { id } from '@instantdb/core'
import { afterEach, describe, expect, test } from 'vitest'
import schema from '../../instant.schema.ts'
import { assistantStatus, type WorkerBeat } from '../../src/lib/assistant-state.ts'
import { eventually } from '../instant/conformance/harness.ts'
import { nodeClient } from '../instant/conformance/node-client.ts'
import { LOCAL_APP_ID } from '../instant/local-app.ts'
import { createLogger } from '../instant/shared/log.ts'
import { forgetAllWorkers, type Heartbeat, readHeartbeatConfig, startHeartbeat } from './heartbeat.ts'
import { workerStack } from './testing/worker-stack.ts'

const stack = workerStack('lehrer@schule.de')
const running: { close(): Promise<void> }[] = []

const target = () => stack.target()
const admin = () => init({ ...target(), schema })
const log = createLogger('error', 'assistant')

function beat(over: { intervalMs?: number; staleAfterMs?: number; soleWorker?: boolean } = {}): Heartbeat {
  const hb = startHeartbeat({
    ...target(),
    model: 'gpt-scripted',
    endpointHost: 'api.example.org:8443',
    intervalMs: 100,
    staleAfterMs: 60_000,
    log,
    ...over,
  })
  running.push(hb)
  return hb
}

/** The teacher's live view of the records, as the app subscribes to them. */
function watchWorkers() {
  let latest: WorkerBeat[] | undefined
  const off = stack.teacher.subscribeQuery({ assistantWorkers: {} }, (r) => {
    if (r.data) latest = r.data.assistantWorkers as WorkerBeat[]
  })
  return {
    off,
    /**
     * Waits until this worker's own record satisfies `check` and returns it: a new subscription can
     * first show the previous test's records from the client's cache (read as this worker's, a close
     * came before its first beat was written, and its record never appeared).
     */
    record: (hb: Heartbeat, check: (beat: WorkerBeat) => boolean = () => true) =>
      eventually(() => {
        const own = latest?.find((w) => w.id === hb.workerId)
        return own && check(own) ? own : undefined
      }, 10_000),
  }
}

async function clearRecords(): Promise<void> {
  const db = admin()
  const { assistantWorkers } = await db.query({ assistantWorkers: {} })
  if (assistantWorkers.length)
    await db.transact(assistantWorkers.map((w) => db.tx.assistantWorkers[w.id]!.delete()))
}

afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close()
  await clearRecords()
})

describe('heartbeat', () => {
  test('a signed-in teacher sees the worker and its model, and the beat moving', async () => {
    const view = watchWorkers()
    const hb = beat()
    const first = await view.record(hb)
    expect(first).toMatchObject({
      id: hb.workerId,
      model: 'gpt-scripted',
      endpointHost: 'api.example.org:8443',
      staleAfterMs: 60_000,
    })
    expect(first.modelOk).toBeUndefined()
    expect(assistantStatus([first], Date.now())).toEqual({
      state: 'ready',
      model: 'gpt-scripted',
      host: 'api.example.org:8443',
    })
    // The beat keeps coming: the teacher sees a newer one.
    const firstBeat = new Date(first.beatAt).getTime()
    await view.record(hb, (b) => new Date(b.beatAt).getTime() > firstBeat)
    view.off()
  })

  test('a worker that shuts down shows as not reachable at once', async () => {
    const view = watchWorkers()
    const hb = beat()
    await view.record(hb)
    await hb.close()
    const stopped = await view.record(hb, (b) => b.stoppedAt != null)
    expect(assistantStatus([stopped], Date.now()).state).toBe('unreachable')
    view.off()
  })

  test('teachers may read the records but never write them; a client without sign-in sees none', async () => {
    const hb = beat()
    await hb.started
    await expect(
      stack.teacher.transact(
        stack.teacher.tx.assistantWorkers[hb.workerId]!.update({ beatAt: Date.now() + 3_600_000 }),
      ),
    ).rejects.toThrow(/permission/i)
    await expect(
      stack.teacher.transact(
        stack.teacher.tx.assistantWorkers[id()]!.update({
          model: 'fake',
          startedAt: Date.now(),
          beatAt: Date.now(),
          staleAfterMs: 1,
        }),
      ),
    ).rejects.toThrow(/permission/i)
    await expect(
      stack.teacher.transact(stack.teacher.tx.assistantWorkers[hb.workerId]!.delete()),
    ).rejects.toThrow(/permission/i)
    const { data } = await stack.teacher.queryOnce({ assistantWorkers: {} })
    expect(data.assistantWorkers.map((w) => w.model)).toEqual(['gpt-scripted'])

    const anonymous = nodeClient({ appId: LOCAL_APP_ID, url: stack.server.url, schema })
    const seen = await anonymous.queryOnce({ assistantWorkers: {} })
    expect(seen.data.assistantWorkers).toEqual([])
    anonymous.shutdown()
  })

  test("the model's failures mark it failing (a wrong key), a reply that works marks it ready again", async () => {
    stack.model.queue({ status: 401 })
    stack.startWorker()
    const hb = beat()
    const view = watchWorkers()
    const conversationId = await stack.newChat()
    await stack.sendPrompt(conversationId, 'Hallo')
    const failing = await view.record(hb, (b) => b.modelOk === false)
    expect(failing.modelError).toBe('model-auth')
    expect(assistantStatus([failing], Date.now())).toEqual({
      state: 'failing',
      model: 'gpt-scripted',
      host: 'api.example.org:8443',
      error: 'model-auth',
    })

    stack.model.queue({ deltas: ['Jetzt klappt es.'] })
    await stack.sendPrompt(conversationId, 'Noch einmal')
    const working = await view.record(hb, (b) => b.modelOk === true)
    expect(working.modelError).toBeNull()
    expect(assistantStatus([working], Date.now()).state).toBe('ready')
    view.off()
  })

  test('a failure about one request (too long) or a dead worker does not mark the model failing', async () => {
    const hb = beat()
    await hb.started
    const conversationId = await stack.newChat()
    const db = admin()
    const view = watchWorkers()
    const reply = async (error: string) => {
      const replyId = id()
      await db.transact(
        db.tx.messages[replyId]!.update({
          role: 'assistant',
          text: '',
          status: 'error',
          error,
          createdAt: Date.now(),
          updatedAt: Date.now(),
        }).link({ conversation: conversationId }),
      )
    }
    for (const error of ['model-rejected', 'model-empty', 'model-interrupted']) {
      await reply('model-unavailable')
      await view.record(hb, (b) => b.modelOk === false)
      await reply(error)
      const record = await view.record(hb, (b) => b.modelOk === true)
      expect(record.modelError, error).toBeNull()
    }
    view.off()
  })

  test('the sole worker removes leftovers at start; other workers only forget records a day old', async () => {
    const db = admin()
    const leftover = (beatAt: number) =>
      db.tx.assistantWorkers[id()]!.update({ model: 'old', startedAt: beatAt, beatAt, staleAfterMs: 1_000 })
    await db.transact([leftover(Date.now() - 60_000), leftover(Date.now() - 2 * 24 * 3_600_000)])
    const one = beat()
    await one.started
    const models = async () => (await db.query({ assistantWorkers: {} })).assistantWorkers.map((w) => w.model)
    expect((await models()).sort()).toEqual(['gpt-scripted', 'old'])
    const sole = beat({ soleWorker: true })
    await sole.started
    // The other live worker's record may be gone now too: it comes back with its next beat.
    const after = await db.query({ assistantWorkers: {} })
    expect(after.assistantWorkers.map((w) => w.id)).toContain(sole.workerId)
    expect(after.assistantWorkers.map((w) => w.model)).not.toContain('old')

    // A stack without a model: nobody is set up, so nothing is left to show.
    for (const r of running.splice(0).reverse()) await r.close()
    await forgetAllWorkers(target())
    expect((await db.query({ assistantWorkers: {} })).assistantWorkers).toEqual([])
  })
})

describe('readHeartbeatConfig', () => {
  test('defaults to a beat every 10 s and a 45 s bound, both settable', () => {
    expect(readHeartbeatConfig({})).toEqual({ intervalMs: 10_000, staleAfterMs: 45_000 })
    expect(
      readHeartbeatConfig({ ASSISTANT_HEARTBEAT_MS: '500', ASSISTANT_HEARTBEAT_STALE_MS: '2000' }),
    ).toEqual({
      intervalMs: 500,
      staleAfterMs: 2_000,
    })
    expect(readHeartbeatConfig({ ASSISTANT_HEARTBEAT_MS: '30000' }).staleAfterMs).toBe(90_000)
  })

  test('rejects a bound shorter than two beats, and values that are not milliseconds', () => {
    expect(() =>
      readHeartbeatConfig({ ASSISTANT_HEARTBEAT_MS: '1000', ASSISTANT_HEARTBEAT_STALE_MS: '1500' }),
    ).toThrow(/at least twice/)
    expect(() => readHeartbeatConfig({ ASSISTANT_HEARTBEAT_MS: 'often' })).toThrow(/ASSISTANT_HEARTBEAT_MS/)
    expect(() => readHeartbeatConfig({ ASSISTANT_HEARTBEAT_STALE_MS: '5' })).toThrow(/≥ 100/)
  })
})
