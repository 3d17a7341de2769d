// Cleanup of old claim records on the real stack (local Instant server with the project's schema and
// rules, the admin SDK the worker writes with, the real worker and the scripted model): settled
// records past the retention go, in pages; records guarding an unfinished reply stay; one worker
// per period runs it, a second run finds nothing; recent claims still count for the rate limit.

import { init } from '@instantdb/admin'
import { id } from '@instantdb/core'
import { expect, test } from 'vitest'
import schema from '../../instant.schema.ts'
import { eventually } from '../instant/conformance/harness.ts'
import { cleanUpClaims } from './claims-cleanup.ts'
import { checkRateLimit } from './limits/rate-limit.ts'
import { workerStack } from './testing/worker-stack.ts'

const stack = workerStack('aufraeumen@schule.de')
const admin = () => init({ ...stack.target(), schema })
const HOUR = 3_600_000
const KEEP = 48 * HOUR
const holder = (workerId = id()) => ({ workerId, leaseMs: 30_000 })

type State = 'held' | 'released' | 'taken' | 'done'

/** A request (done, as a claim leaves it) and claim records of its round 0, created `ageMs` ago. */
async function seedRound(ageMs: number, states: State[], renewedAt = Date.now() - ageMs): Promise<string[]> {
  const db = admin()
  const at = Date.now() - ageMs
  const requestId = id()
  const ids = states.map(() => id())
  await db.transact([
    db.tx.messages[requestId]!.create({ role: 'user', text: 'alt', status: 'done', createdAt: at }),
    ...states.map((state, slot) =>
      db.tx.assistantClaims[ids[slot]!]!.create({
        key: `${requestId}:0/${slot}`,
        state,
        worker: 'w-alt',
        renewedAt,
        leaseMs: 30_000,
        createdAt: at + slot,
      }).link({ request: requestId }),
    ),
  ])
  return ids
}

async function existing(ids: string[]): Promise<string[]> {
  const { assistantClaims } = await admin().query({
    assistantClaims: { $: { where: { id: { $in: ids } }, fields: ['state'] } },
  })
  return assistantClaims.map((c) => c.id).sort()
}

test('settled claims past the retention go in pages; unfinished rounds and recent claims stay; one run per period', async () => {
  const db = admin()
  // Answered now by the real worker: its claims are recent and count for the teacher's rate limit.
  const worker = stack.startWorker({ ratePerMinute: 0, ratePerDay: 0 })
  const { requestId } = await stack.newChatWithPrompt('Frisch beantwortet')
  await eventually(
    async () => {
      const { messages } = await db.query({ messages: { $: { where: { 'parent.id': requestId } } } })
      return messages[0]?.status === 'done' ? true : undefined
    },
    60_000,
    100,
  )
  const { assistantClaims: recent } = await db.query({
    assistantClaims: { $: { where: { 'request.id': requestId } } },
  })
  expect(recent.map((c) => c.key.split(':')[1]).sort()).toEqual(['0/0', '0/1'])
  // No worker runs while unfinished rounds are seeded: it would take them over (their leases).
  await worker.close()

  const old = 3 * 24 * HOUR
  // Settled: finished, and taken over then finished.
  const finished = await seedRound(old, ['done', 'done'])
  const takenOver = await seedRound(old, ['taken', 'done', 'done'])
  // Unfinished: a reply written after a takeover (its lease renewed now), one handed back, one held.
  const writing = await seedRound(old, ['taken', 'held'], Date.now())
  const handedBack = await seedRound(old, ['released'])
  const held = await seedRound(old, ['held'], Date.now())
  // A claim whose chat was deleted (no request any more), and a day-old one: inside the retention.
  const orphan = id()
  await db.transact(
    db.tx.assistantClaims[orphan]!.create({
      key: `${id()}:0/1`,
      state: 'done',
      worker: 'w-alt',
      renewedAt: Date.now() - old,
      leaseMs: 30_000,
      createdAt: Date.now() - old,
    }),
  )
  const dayOld = await seedRound(30 * HOUR, ['done', 'done'])
  // Many, to need several pages of 50.
  const many: string[] = []
  for (let k = 0; k < 60; k++) many.push(...(await seedRound(old + k * 1000, ['done', 'done'])))

  const now = Date.now()
  const opts = { keepMs: KEEP, periodMs: HOUR, pageSize: 50, now }
  // Two workers at the same moment: one runs, the other finds the period taken.
  const [a, b] = await Promise.all([cleanUpClaims(db, holder(), opts), cleanUpClaims(db, holder(), opts)])
  expect([a.ran, b.ran].sort()).toEqual([false, true])
  const removed = [...finished, ...takenOver, orphan, ...many]
  expect(a.removed + b.removed).toBe(removed.length)
  expect(await existing(removed)).toEqual([])
  const kept = [...writing, ...handedBack, ...held, ...dayOld, ...recent.map((c) => c.id)]
  expect(await existing(kept)).toEqual([...kept].sort())
  // The requests themselves are untouched, and not pending again.
  const { messages } = await db.query({ messages: { $: { where: { role: 'user', status: 'pending' } } } })
  expect(messages).toEqual([])

  // The next period's run finds nothing more to remove.
  expect(await cleanUpClaims(db, holder(), { ...opts, now: now + HOUR })).toEqual({ ran: true, removed: 0 })
  // The teacher's recent claim still counts: with a limit of one a day, the next prompt waits.
  const limited = await checkRateLimit(db, stack.teacherId, { ratePerMinute: 0, ratePerDay: 1 })
  expect(limited?.limit).toBe('rate-limit-day')

  // Unfinished rounds are the lease's business; remove them so no later worker takes them over.
  await db.transact([...writing, ...handedBack, ...held].map((c) => db.tx.assistantClaims[c]!.delete()))
})

test('running workers clean up periodically', async () => {
  const db = admin()
  const old = await seedRound(3 * 24 * HOUR, ['done', 'done'])
  const periodMs = 500
  stack.startWorker({}, { claimsCleanupIntervalMs: periodMs })
  stack.startWorker({}, { claimsCleanupIntervalMs: periodMs })
  await eventually(async () => ((await existing(old)).length ? undefined : true), 60_000, 100)
  // The runs left their period markers.
  const { assistantClaims } = await db.query({ assistantClaims: { $: { fields: ['key'] } } })
  expect(assistantClaims.some((c) => c.key.startsWith('cleanup/'))).toBe(true)
})
