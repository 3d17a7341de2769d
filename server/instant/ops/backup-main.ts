// `npm run instant:backup`: a consistent copy of a running (or stopped) local Instant server's
// database, taken from another process without stopping it. Restore with `npm run instant:restore`.

import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadDotEnv } from '../shared/env-file.ts'
import { databaseFile, snapshotDatabase } from '../storage/backup.ts'
import { backupFileName } from './backup-schedule.ts'

const USAGE = `Usage: npm run instant:backup -- [--data-dir DIR] [--out FILE | --out-dir DIR]
  --data-dir   the server's data directory (default: INSTANT_LOCAL_DATA_DIR or .data/instant)
  --out        the backup file to write
  --out-dir    a directory for instant-<time>.sqlite (default: .data/backups)`

function main(): void {
  loadDotEnv()
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      'data-dir': { type: 'string' },
      out: { type: 'string' },
      'out-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  if (values.help) return void process.stdout.write(`${USAGE}\n`)
  const dataDir = resolve(values['data-dir'] ?? process.env.INSTANT_LOCAL_DATA_DIR ?? '.data/instant')
  let out = values.out ? resolve(values.out) : undefined
  if (!out) {
    const dir = resolve(values['out-dir'] ?? '.data/backups')
    mkdirSync(dir, { recursive: true })
    out = join(dir, backupFileName(new Date()))
  }
  const started = Date.now()
  const info = snapshotDatabase(databaseFile(dataDir), out)
  process.stdout.write(
    `Backup written: ${info.file}\n  ${info.bytes} bytes, integrity ok, up to transaction ${info.txId}, ` +
      `${Date.now() - started} ms\n  Restore: npm run instant:restore -- --from ${info.file} --data-dir ${dataDir}\n`,
  )
}

try {
  main()
} catch (err) {
  process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`)
  process.exit(1)
}
