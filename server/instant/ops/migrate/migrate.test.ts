// The export → fresh server → import round trip through the admin API, against two real local
// servers: every entity, attribute and link compares equal (users matched by email), ids and
// timestamps kept; an export and an import stopped half-way resume and end with the same result.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { id, init } from '@instantdb/admin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import schema from '../../../../instant.schema.ts'
import { startTestServer, type TestServer } from '../../conformance/harness.ts'
import { projectServer, refreshTokenFor, signedInClient } from '../../conformance/project-users.ts'
import { LOCAL_APP_ID } from '../../local-app.ts'
import { appShape, type ExportRecord, pageQuery, toRecord } from './app-shape.ts'
import { type Endpoint, exportApp, exportCheckpointFile } from './export-app.ts'
import { importApp, importCheckpointFile } from './import-app.ts'

const shape = appShape(schema)
const dir = mkdtempSync(join(tmpdir(), 'instant-migrate-'))
let source: TestServer
let target: TestServer

const endpoint = (s: TestServer): Endpoint => ({
  apiUri: s.url,
  appId: LOCAL_APP_ID,
  adminToken: projectServer(s).adminToken,
})

/** Everything of the app, read back through the admin API: ns → id → record, user ids by email. */
async function snapshot(s: TestServer) {
  const db = init({ appId: LOCAL_APP_ID, adminToken: endpoint(s).adminToken, apiURI: s.url })
  const all: Record<string, Record<string, ExportRecord>> = {}
  for (const ns of shape) {
    const data = (await db.query(pageQuery(ns, 100_000, 0) as never)) as Record<
      string,
      Record<string, unknown>[]
    >
    all[ns.name] = Object.fromEntries((data[ns.name] ?? []).map((row) => [String(row.id), toRecord(ns, row)]))
  }
  return all
}

/** Replaces each user id by its email, so two servers' snapshots compare equal. */
function byEmail(all: Record<string, Record<string, ExportRecord>>) {
  const email = new Map(Object.values(all.$users ?? {}).map((u) => [u.id, `user:${String(u.attrs.email)}`]))
  const out: Record<string, Record<string, ExportRecord>> = {}
  for (const [ns, rows] of Object.entries(all)) {
    out[ns] = {}
    for (const r of Object.values(rows)) {
      const rid = email.get(r.id) ?? r.id
      const links = Object.fromEntries(
        Object.entries(r.links).map(([l, ids]) => [l, ids.map((i) => email.get(i) ?? i).sort()]),
      )
      out[ns][rid] = { ...r, id: rid, links }
    }
  }
  return out
}

async function seed(s: TestServer): Promise<number> {
  const db = init({ appId: LOCAL_APP_ID, adminToken: endpoint(s).adminToken, apiURI: s.url, schema })
  let n = 0
  const t0 = Date.UTC(2026, 10, 2, 8, 0)
  for (const [k, email] of ['lehrerin@schule.de', 'kollege@schule.de'].entries()) {
    await db.auth.createToken(email)
    const user = (await db.auth.getUser({ email }))!
    const tx: unknown[] = [
      db.tx.profiles[id()]!.update({
        displayName: `Lehrkraft ${k}`,
        subjects: ['Mathe', 'Physik'],
        preferences: { tone: 'du', nested: { a: [1, 2] } },
        createdAt: t0,
        updatedAt: t0 + 1,
      }).link({ owner: user.id }),
    ]
    n++
    for (let c = 0; c < 3; c++) {
      const conv = id()
      tx.push(
        db.tx.conversations[conv]!.update({
          title: `Chat ${k}.${c} – Brüche`,
          createdAt: t0 + c,
          updatedAt: t0 + 100 + c,
          pinned: c === 0,
          archived: false,
        }).link({ owner: user.id }),
      )
      n++
      let parent: string | undefined
      for (let m = 0; m < 4; m++) {
        const msg = id()
        const step = db.tx.messages[msg]!.update({
          role: m % 2 ? 'assistant' : 'user',
          text: `Nachricht ${m} mit **Markdown** und Umlauten äöü`,
          status: 'done',
          createdAt: t0 + 1000 * m,
          ...(m === 2 ? { intent: { type: 'revise', artifactId: 'x' } } : {}),
        }).link({ conversation: conv })
        tx.push(parent ? step.link({ parent }) : step)
        n++
        parent = msg
      }
      tx.push(db.tx.conversations[conv]!.link({ activeMessage: parent! }))
      const art = id()
      const variant = id()
      tx.push(
        db.tx.artifacts[art]!.update({
          kind: 'worksheet',
          title: 'Arbeitsblatt',
          createdAt: t0,
          updatedAt: t0,
          favorite: true,
        }).link({ owner: user.id, conversation: conv, message: parent! }),
        db.tx.artifacts[variant]!.update({
          kind: 'worksheet',
          title: 'Variante',
          level: 'A',
          createdAt: t0,
          updatedAt: t0,
        }).link({ owner: user.id, variantOf: art }),
        db.tx.artifactVersions[id()]!.update({
          version: 1,
          format: 'markdown',
          body: '# Aufgabe 1',
          createdAt: t0,
          readingLevel: { grade: 5.5 },
        }).link({ artifact: art, message: parent! }),
        db.tx.assistantClaims[id()]!.update({
          key: `${parent}:0/0`,
          state: 'done',
          worker: 'w1',
          renewedAt: t0,
          leaseMs: 30_000,
          createdAt: t0,
        }).link({ owner: user.id, request: parent!, reply: parent! }),
      )
      n += 4
    }
    await db.transact(tx as never)
  }
  return n + 2
}

beforeAll(async () => {
  source = await startTestServer(undefined, { projectApp: true })
  target = await startTestServer(undefined, { projectApp: true })
}, 60_000)

afterAll(async () => {
  await source?.close()
  await target?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('export and import between Instant servers', () => {
  it('round trip: a stopped export and a stopped import resume, and the target equals the source', async () => {
    const seeded = await seed(source)
    const full = join(dir, 'full.jsonl')
    const whole = await exportApp({ from: endpoint(source), shape, file: full, pageSize: 5 })
    expect(whole.written).toBe(seeded)

    // An export stopped after its third page resumes from the checkpoint; the file matches.
    const resumed = join(dir, 'resumed.jsonl')
    let pages = 0
    const stopAt3 = () => {
      if (++pages === 3) throw new Error('stopped')
    }
    await expect(
      exportApp({ from: endpoint(source), shape, file: resumed, pageSize: 5, onProgress: stopAt3 }),
    ).rejects.toThrow('stopped')
    expect(readFileSync(exportCheckpointFile(resumed), 'utf8')).toContain('nsIndex')
    const progress: string[] = []
    const second = await exportApp({
      from: endpoint(source),
      shape,
      file: resumed,
      pageSize: 5,
      onProgress: (p) => progress.push(`${p.ns}:${p.done}`),
    })
    expect(second.resumed).toBe(true)
    expect(progress.length).toBeGreaterThan(0)
    const body = (f: string) => readFileSync(f, 'utf8').split('\n').slice(1)
    expect(body(resumed)).toEqual(body(full))

    // An import stopped in its links phase resumes; the result counts every entity and link once.
    let batches = 0
    await expect(
      importApp({
        to: endpoint(target),
        file: full,
        batchSize: 4,
        onProgress: (p) => {
          if (p.phase === 'links' && ++batches === 2) throw new Error('stopped')
        },
      }),
    ).rejects.toThrow('stopped')
    expect(JSON.parse(readFileSync(importCheckpointFile(full), 'utf8')).phase).toBe('links')
    const result = await importApp({ to: endpoint(target), file: full, batchSize: 4 })
    const records = body(full)
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ExportRecord)
    const linkCount = records.reduce((s, r) => s + Object.values(r.links).flat().length, 0)
    expect(result).toEqual({ entities: seeded - 2, links: linkCount, users: 2, skippedGuests: 0 })

    const [a, b] = [await snapshot(source), await snapshot(target)]
    // Same ids for every entity but users (the admin API assigns those), same attributes and links.
    for (const ns of shape.filter((n) => n.name !== '$users'))
      expect(Object.keys(b[ns.name] ?? {}).sort()).toEqual(Object.keys(a[ns.name] ?? {}).sort())
    expect(byEmail(b)).toEqual(byEmail(a))
    expect(Object.keys(a.messages ?? {})).toHaveLength(24)

    // The rules see the imported data as the teacher's own: signed in on the target, she reads her chats.
    const token = await refreshTokenFor(projectServer(target), 'lehrerin@schule.de')
    const teacher = await signedInClient(target, token)
    try {
      const { data } = await teacher.queryOnce({ conversations: { messages: {} } })
      expect(data.conversations.map((c) => c.title).sort()).toEqual([
        'Chat 0.0 – Brüche',
        'Chat 0.1 – Brüche',
        'Chat 0.2 – Brüche',
      ])
      expect(data.conversations.every((c) => c.messages.length === 4)).toBe(true)
    } finally {
      teacher.shutdown()
    }
  }, 120_000)

  it('refuses a file that is not an export, and an existing file without a checkpoint', async () => {
    const bad = join(dir, 'bad.jsonl')
    await import('node:fs').then((fs) => fs.writeFileSync(bad, '{"hello":1}\n'))
    await expect(importApp({ to: endpoint(target), file: bad })).rejects.toThrow(
      /not an eduhu Instant export/,
    )
    await expect(exportApp({ from: endpoint(source), shape, file: bad })).rejects.toThrow(/already exists/)
  })
})
