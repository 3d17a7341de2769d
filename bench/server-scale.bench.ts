// The local Instant server at scale, in its own process on real SQLite: the chat view's page query
// (newest page, and an older page) at 30 / 10^3 / 10^4 / 10^5 messages in one run, the conversation
// list of a teacher with 2,000 chats, and load time, resident memory and database size at 10^4-10^6.

import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init } from '@instantdb/admin'
import {
  freePort,
  type ServerProcess,
  startServerProcess,
} from '../server/instant/conformance/server-process.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { runInstaql } from '../server/instant/query/index.ts'
import { memoryStoreOf } from '../server/instant/storage/memory-store.ts'
import { SqliteStorage } from '../server/instant/storage/sqlite.ts'
import { ChatSeeder, type SeededMessage } from './seed-chats.ts'
import { round, type Sampled, sampled } from './stats.ts'

const CHAT_SIZES = [30, 1_000, 10_000, 100_000]
const STORED_MESSAGES = [10_000, 100_000, 1_000_000]
const ROUNDS = 60
// Room for 10^6 messages in memory; the figure reports what the process actually holds.
const SERVER_ENV = { NODE_OPTIONS: '--max-old-space-size=8192' }

export async function benchServerScale(): Promise<Record<string, unknown>> {
  return { ...(await pageQueries()), at_scale: await storedScale() }
}

/** One database holding every chat size, measured interleaved so machine noise hits all alike. */
async function pageQueries(): Promise<Record<string, unknown>> {
  const { dir, port } = await freshLocalApp()
  const seeder = new ChatSeeder(dir)
  const teacher = seeder.teacher('scale@schule.example')
  const chats: Chat[] = CHAT_SIZES.map((n) => ({ n, id: seeder.conversation(teacher), messages: [] }))
  for (const chat of chats) chat.messages = seeder.messages(chat.id, chat.n)
  // The list's teacher: 2,000 chats (20 pinned, 200 archived), two messages each.
  const lister = seeder.teacher('list@schule.example')
  for (let i = 0; i < 2_000; i++) {
    const c = seeder.conversation(lister, { pinned: i % 100 === 0, archived: i % 10 === 5 })
    seeder.messages(c, 2)
  }
  const createdAtAttr = seeder.attrId('messages', 'createdAt')
  seeder.close()

  const engine = engineTimes(dir, chats, createdAtAttr)
  const server = await startServerProcess(dir, port, { env: SERVER_ENV })
  try {
    const db = adminOf(dir, server)
    const newest = newestPage
    const older = (chat: Chat) => olderPage(chat, createdAtAttr)
    const list = {
      conversations: {
        $: {
          where: { pinned: false, archived: false, 'owner.id': lister },
          order: { updatedAt: 'desc' as const },
          limit: 30,
        },
      },
    }
    const asLister = db.asUser({ email: 'list@schule.example' })
    const times = new Map<string, number[]>()
    const record = (key: string, ms: number) => times.set(key, [...(times.get(key) ?? []), ms])
    for (let r = 0; r < ROUNDS + 3; r++) {
      const warm = r >= 3
      for (const chat of chats) {
        const a = await timedResult(() => db.query(newest(chat.id)))
        const b = await timedResult(() => db.query(older(chat)))
        assertRows(a.result, 30 > chat.n ? chat.n : 30, `newest page of ${chat.n}`)
        assertRows(b.result, 15, `older page of ${chat.n}`)
        if (warm) record(`newest_${chat.n}`, a.ms)
        if (warm) record(`older_${chat.n}`, b.ms)
      }
      const l = await timedResult(() => asLister.query(list))
      if ((l.result as { conversations: unknown[] }).conversations.length !== 30)
        throw new Error('the conversation list did not come back with 30 chats')
      if (warm) record('conversation_list_2000', l.ms)
    }
    const figure = (key: string): Sampled => sampled(times.get(key) ?? [])
    const pages = Object.fromEntries(
      CHAT_SIZES.map((n) => [
        `messages_${n}`,
        { newest_page_ms: figure(`newest_${n}`), older_page_ms: figure(`older_${n}`) },
      ]),
    )
    const ratio = (kind: 'newest' | 'older') =>
      round(figure(`${kind}_${CHAT_SIZES.at(-1)}`).median / figure(`${kind}_${CHAT_SIZES[0]}`).median)
    return {
      ...engine,
      page_query_admin_api: pages,
      ratio_100k_to_30: { newest_page: ratio('newest'), older_page: ratio('older') },
      conversation_list_2000_chats_as_teacher_ms: figure('conversation_list_2000'),
    }
  } finally {
    await server.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

interface Chat {
  n: number
  id: string
  messages: SeededMessage[]
}

/** The chat view's query (src/data/messages.ts): the newest 30 messages with their parent's id. */
function newestPage(id: string) {
  return {
    messages: {
      $: { where: { 'conversation.id': id }, order: { createdAt: 'desc' as const }, limit: 30 },
      parent: { $: { fields: ['id' as const] } },
    },
  }
}

/** 15 messages after the chat's middle one (the 30-message chat's last 15): the same page size. */
function olderPage(chat: Chat, createdAtAttr: string) {
  const middle = chat.messages[chat.n / 2] as SeededMessage
  const cursor: [string, string, number, number] = [
    middle.id,
    createdAtAttr,
    middle.createdAt,
    middle.createdAt,
  ]
  const q = newestPage(chat.id)
  return { messages: { ...q.messages, $: { ...q.messages.$, limit: 15, after: cursor } } }
}

/**
 * The same pages on the query engine alone, in this process over the same database: no HTTP and no
 * second process to schedule, so the ratio shows the engine's own cost with far less noise.
 */
function engineTimes(dir: string, chats: Chat[], createdAtAttr: string): Record<string, unknown> {
  const storage = new SqliteStorage(join(dir, 'instant.sqlite'))
  const store = memoryStoreOf(storage.attrs(LOCAL_APP_ID), storage.triples(LOCAL_APP_ID))
  storage.close()
  const times = new Map<string, number[]>()
  const time = (key: string, q: Record<string, unknown>, warm: boolean) => {
    const start = performance.now()
    runInstaql({ store }, q)
    if (warm) times.set(key, [...(times.get(key) ?? []), performance.now() - start])
  }
  for (let r = 0; r < 4 * ROUNDS + 10; r++) {
    for (const chat of chats) {
      time(`newest_${chat.n}`, newestPage(chat.id), r >= 10)
      time(`older_${chat.n}`, olderPage(chat, createdAtAttr), r >= 10)
    }
  }
  const figure = (key: string) => sampled(times.get(key) ?? [])
  const ratio = (kind: string) =>
    round(figure(`${kind}_${CHAT_SIZES.at(-1)}`).median / figure(`${kind}_${CHAT_SIZES[0]}`).median)
  return {
    page_query_engine: Object.fromEntries(
      CHAT_SIZES.map((n) => [
        `messages_${n}`,
        { newest_page_ms: figure(`newest_${n}`), older_page_ms: figure(`older_${n}`) },
      ]),
    ),
    engine_ratio_100k_to_30: { newest_page: ratio('newest'), older_page: ratio('older') },
  }
}

/** Per stored size: 100-message chats, 10 per teacher; start time, resident memory, database size. */
async function storedScale(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  for (const total of STORED_MESSAGES) {
    process.stdout.write(`  ${total} stored messages…\n`)
    const { dir, port } = await freshLocalApp()
    const seeder = new ChatSeeder(dir)
    let some = ''
    for (let c = 0; c < total / 100; c++) {
      const teacher = c % 10 === 0 ? seeder.teacher(`t${c}@schule.example`) : some
      some = teacher
      seeder.messages(seeder.conversation(teacher), 100)
    }
    seeder.close()
    const started = performance.now()
    let server: ServerProcess
    try {
      server = await startLoadedServer(dir, port)
    } catch (err) {
      // A machine too small or too busy for this size is a result too; the other sizes still count.
      out[`messages_${total}`] = { error: err instanceof Error ? err.message : String(err) }
      rmSync(dir, { recursive: true, force: true })
      continue
    }
    try {
      const startMs = performance.now() - started
      const db = adminOf(dir, server)
      const chat = await db.query({ conversations: { $: { limit: 1 } } })
      if (!(chat as { conversations: unknown[] }).conversations.length) throw new Error('no data loaded')
      out[`messages_${total}`] = {
        start_to_healthy_ms: round(startMs),
        resident_memory_mib: round(residentMib(server)),
        database_mib: round(databaseMib(dir)),
      }
    } finally {
      await server.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return out
}

/** A data dir whose database holds the local app (a first start creates it and its admin token). */
async function freshLocalApp(): Promise<{ dir: string; port: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'instant-scale-'))
  const port = await freePort()
  const first = await startServerProcess(dir, port)
  await first.kill('SIGTERM')
  return { dir, port }
}

/**
 * The server loads the local app's data before it answers /health; 10^6 messages take minutes on a
 * busy 2-core machine, longer than startServerProcess waits, so this start waits up to 10 minutes.
 */
async function startLoadedServer(dir: string, port: number): Promise<ServerProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/instant/main.ts', '--port', String(port), '--data-dir', dir],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, INSTANT_LOCAL_LOG: 'warn', ...SERVER_ENV },
    },
  )
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 600_000
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode} while loading`)
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (healthy) {
      const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
        proc.kill(signal)
        await exited
      }
      return { url, port, proc, kill }
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  proc.kill('SIGKILL')
  throw new Error('server did not load its data within 10 minutes')
}

function adminOf(dir: string, server: ServerProcess) {
  const adminToken = readFileSync(join(dir, 'admin-token'), 'utf8').trim()
  return init({ appId: LOCAL_APP_ID, adminToken, apiURI: server.url })
}

function residentMib(server: ServerProcess): number {
  const status = readFileSync(`/proc/${server.proc.pid}/status`, 'utf8')
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN)
  return kib / 1024
}

function databaseMib(dir: string): number {
  const size = (f: string) => {
    try {
      return statSync(join(dir, f)).size
    } catch {
      return 0
    }
  }
  return (size('instant.sqlite') + size('instant.sqlite-wal')) / 2 ** 20
}

async function timedResult(run: () => Promise<unknown>): Promise<{ ms: number; result: unknown }> {
  const start = performance.now()
  const result = await run()
  return { ms: performance.now() - start, result }
}

function assertRows(result: unknown, n: number, what: string): void {
  const rows = (result as { messages?: unknown[] }).messages?.length
  if (rows !== n) throw new Error(`${what}: expected ${n} messages, got ${rows}`)
}
