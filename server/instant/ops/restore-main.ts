// `npm run instant:restore`: puts a backup in place as a (stopped) server's database. The backup is
// checked first; the current database is moved aside, never deleted, so a restore can be undone.

import { copyFileSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { LOCAL_APP_ID } from '../local-app.ts'
import { loadDotEnv } from '../shared/env-file.ts'
import {
  adminTokenInBackup,
  checkDatabase,
  databaseFile,
  finishBackup,
  partialName,
  raiseTxId,
} from '../storage/backup.ts'

const USAGE = `Usage: npm run instant:restore -- --from BACKUP [--data-dir DIR] [--force]
  Stop the server first. --force restores even though the data directory looks in use
  (a server that crashed leaves the same traces).`

function main(): void {
  loadDotEnv()
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      from: { type: 'string' },
      'data-dir': { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  if (values.help) return void process.stdout.write(`${USAGE}\n`)
  if (!values.from) throw new Error('--from is required')
  const from = resolve(values.from)
  const dataDir = resolve(values['data-dir'] ?? process.env.INSTANT_LOCAL_DATA_DIR ?? '.data/instant')
  const target = databaseFile(dataDir)

  const check = checkDatabase(from)
  if (!check.ok) throw new Error(`${from} is not a usable backup: ${check.integrity}`)
  // A running server keeps its shared-memory file; restoring under it would be overwritten or corrupt.
  if (existsSync(`${target}-shm`) && !values.force) {
    throw new Error(
      `${dataDir} looks in use (${target}-shm exists). Stop the server, then run again (or add --force).`,
    )
  }

  mkdirSync(dataDir, { recursive: true })
  // Tx ids already handed out by the database being replaced must not be handed out again.
  const replacedTxId = existsSync(target) ? txIdOrZero(target) : 0
  const aside = join(dataDir, `before-restore-${new Date().toISOString().replace(/[-:.]/g, '')}`)
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(target + suffix)) continue
    mkdirSync(aside, { recursive: true })
    renameSync(target + suffix, join(aside, `instant.sqlite${suffix}`))
  }
  const partial = partialName(target)
  copyFileSync(from, partial)
  raiseTxId(partial, Math.max(replacedTxId, Date.now()))
  const info = finishBackup(partial, target)
  // On a new machine the server would make up a new admin token; the backup's keeps workers working.
  const tokenFile = join(dataDir, 'admin-token')
  const token = existsSync(tokenFile) ? undefined : adminTokenInBackup(info.file, LOCAL_APP_ID)
  if (token) writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 })
  process.stdout.write(
    `Restored ${from}\n  into ${info.file} (integrity ok, up to transaction ${info.txId})\n` +
      (existsSync(aside) ? `  the previous database is in ${aside}\n` : '') +
      (token ? `  the local app's admin token from the backup is in ${tokenFile}\n` : '') +
      '  Start the server as usual.\n',
  )
}

/** The tx counter of the database being replaced; a database too broken to read counts as 0. */
function txIdOrZero(file: string): number {
  try {
    return checkDatabase(file).txId ?? 0
  } catch {
    return 0
  }
}

try {
  main()
} catch (err) {
  process.stderr.write(`Restore failed: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`)
  process.exit(1)
}
