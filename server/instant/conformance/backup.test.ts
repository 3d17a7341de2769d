// Online backups: `npm run instant:backup` copies a server process's database while a writer keeps
// committing; `npm run instant:restore` puts the copy in place and a server started on it holds every
// transaction acknowledged before the backup began — an unbroken prefix of the writes — and passes
// SQLite's integrity check. The periodic backup inside the server does the same and keeps the newest.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { init as initAdmin } from '@instantdb/admin'
import { i, id } from '@instantdb/core'
import { afterAll, describe, expect, it } from 'vitest'
import { startInstantServer } from '../server.ts'
import { createLogger } from '../shared/log.ts'
import { checkDatabase, databaseFile } from '../storage/backup.ts'
import { createEphemeralApp, eventually } from './harness.ts'
import { freePort, type ServerProcess, startServerProcess } from './server-process.ts'

const schema = i.schema({
  entities: { items: i.entity({ n: i.number().indexed() }) },
  links: {},
  rooms: {},
})

const root = mkdtempSync(join(tmpdir(), 'instant-backup-'))
const processes: ServerProcess[] = []
afterAll(async () => {
  for (const p of processes) await p.kill()
  rmSync(root, { recursive: true, force: true })
})

function runCli(entry: string, args: string[]): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout.on('data', (d) => (out += d))
  proc.stderr.on('data', (d) => (out += d))
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, out })))
}

/** Writes items n = 1, 2, 3 … one transaction at a time, each awaited; `acked` is the last confirmed. */
function startWriter(url: string, app: { id: string; adminToken: string }) {
  const admin = initAdmin({ appId: app.id, adminToken: app.adminToken, apiURI: url, schema })
  const state = { acked: 0, stopped: false }
  const done = (async () => {
    for (let n = 1; !state.stopped; n++) {
      await admin.transact(admin.tx.items[id()]!.update({ n }))
      state.acked = n
    }
  })()
  return {
    state,
    stop: async () => {
      state.stopped = true
      await done
    },
  }
}

/** The item numbers a server holds, sorted. */
async function itemNumbers(url: string, app: { id: string; adminToken: string }): Promise<number[]> {
  const admin = initAdmin({ appId: app.id, adminToken: app.adminToken, apiURI: url, schema })
  const { items } = await admin.query({ items: {} })
  return items.map((it) => it.n).sort((a, b) => a - b)
}

/** 1, 2, … k without a gap: the copy is one consistent moment of a sequential writer. */
function expectPrefix(ns: number[], atLeast: number): void {
  expect(ns.length).toBeGreaterThanOrEqual(atLeast)
  expect(ns).toEqual(Array.from({ length: ns.length }, (_, k) => k + 1))
}

describe('instant:backup and instant:restore', () => {
  it('backs up a server under write load; the restore holds every acknowledged transaction', async () => {
    const dataDir = join(root, 'live')
    const server = await startServerProcess(dataDir, await freePort())
    processes.push(server)
    const app = await createEphemeralApp(server.url, { schema: JSON.parse(JSON.stringify(schema)) })
    const writer = startWriter(server.url, app)
    await eventually(() => (writer.state.acked >= 50 ? true : undefined), 60_000)

    const backupFile = join(root, 'manual.sqlite')
    const ackedBefore = writer.state.acked
    const backup = await runCli('server/instant/ops/backup-main.ts', [
      '--data-dir',
      dataDir,
      '--out',
      backupFile,
    ])
    const ackedAfter = writer.state.acked
    await writer.stop()
    expect(backup.out).toContain('Backup written')
    expect(backup.code).toBe(0)
    console.info(`backup under load: ${ackedAfter - ackedBefore} writes acknowledged while it ran`)

    const restoredDir = join(root, 'restored')
    const restore = await runCli('server/instant/ops/restore-main.ts', [
      '--from',
      backupFile,
      '--data-dir',
      restoredDir,
    ])
    expect(restore.out).toContain('Restored')
    expect(restore.code).toBe(0)
    expect(checkDatabase(databaseFile(restoredDir))).toMatchObject({ ok: true, integrity: 'ok' })
    // A restore on a new machine keeps the local app's admin token, so workers keep working.
    expect(readFileSync(join(restoredDir, 'admin-token'), 'utf8')).toBe(
      readFileSync(join(dataDir, 'admin-token'), 'utf8'),
    )

    const restored = await startServerProcess(restoredDir, await freePort())
    processes.push(restored)
    const ns = await itemNumbers(restored.url, app)
    expectPrefix(ns, ackedBefore)
    // Nothing the writer had not even sent before the backup finished (at most the one in flight).
    expect(ns.length).toBeLessThanOrEqual(ackedAfter + 1)

    // Restored over the live database (server stopped): tx ids never go back below those handed out.
    await server.kill('SIGTERM')
    const handedOut = checkDatabase(databaseFile(dataDir)).txId!
    expect(checkDatabase(backupFile).txId!).toBeLessThan(handedOut)
    const over = await runCli('server/instant/ops/restore-main.ts', [
      '--from',
      backupFile,
      '--data-dir',
      dataDir,
    ])
    expect(over.code, over.out).toBe(0)
    expect(over.out).toContain('the previous database is in')
    expect(checkDatabase(databaseFile(dataDir)).txId!).toBeGreaterThanOrEqual(handedOut)
  }, 120_000)

  it('refuses to restore into a data directory in use, and refuses a file that is not a backup', async () => {
    const dataDir = join(root, 'busy')
    const server = await startServerProcess(dataDir, await freePort())
    processes.push(server)
    const backupFile = join(root, 'busy.sqlite')
    expect(
      (await runCli('server/instant/ops/backup-main.ts', ['--data-dir', dataDir, '--out', backupFile])).code,
    ).toBe(0)
    const busy = await runCli('server/instant/ops/restore-main.ts', [
      '--from',
      backupFile,
      '--data-dir',
      dataDir,
    ])
    expect(busy.code).toBe(1)
    expect(busy.out).toContain('looks in use')
    const notBackup = await runCli('server/instant/ops/restore-main.ts', [
      '--from',
      join(process.cwd(), 'package.json'),
      '--data-dir',
      join(root, 'never'),
    ])
    expect(notBackup.code).toBe(1)
    expect(notBackup.out).toMatch(/Restore failed: .*(not a database|file is not a database)/)
    expect(existsSync(join(root, 'never', 'instant.sqlite'))).toBe(false)
  }, 60_000)
})

describe('periodic backups', () => {
  it('writes verified backups on a timer while the server takes writes, keeping the newest', async () => {
    const dataDir = join(root, 'periodic')
    const backupDir = join(root, 'periodic-backups')
    const server = await startInstantServer({
      dataDir,
      port: 0,
      log: createLogger('warn'),
      backups: { dir: backupDir, intervalMs: 50, keep: 2 },
    })
    try {
      const app = await createEphemeralApp(server.url, { schema: JSON.parse(JSON.stringify(schema)) })
      const writer = startWriter(server.url, app)
      await eventually(() => (writer.state.acked >= 20 ? true : undefined), 60_000)
      const ackedBefore = writer.state.acked
      const info = await server.backups!.runNow()
      expect(info.txId).toBeGreaterThan(0)
      // The timer keeps writing backups meanwhile; wait for more than `keep` to have been written.
      const seen = new Set<string>([info.file])
      await eventually(() => {
        for (const f of readdirSync(backupDir)) if (f.endsWith('.sqlite')) seen.add(f)
        return seen.size > 3 ? true : undefined
      }, 60_000)
      await writer.stop()
      await server.backups!.stop()
      const kept = readdirSync(backupDir).filter((f) => f.endsWith('.sqlite'))
      expect(kept.length).toBeLessThanOrEqual(2)
      expect(readdirSync(backupDir).filter((f) => f.includes('.partial-'))).toEqual([])

      const newest = join(backupDir, kept.sort().at(-1)!)
      expect(checkDatabase(newest).ok).toBe(true)
      const restoredDir = join(root, 'periodic-restored')
      expect(
        (await runCli('server/instant/ops/restore-main.ts', ['--from', newest, '--data-dir', restoredDir]))
          .code,
      ).toBe(0)
      const restored = await startInstantServer({
        dataDir: restoredDir,
        port: 0,
        log: createLogger('warn'),
        backups: false,
      })
      try {
        expectPrefix(await itemNumbers(restored.url, app), ackedBefore)
      } finally {
        await restored.close()
      }
    } finally {
      await server.close()
    }
  }, 120_000)
})
