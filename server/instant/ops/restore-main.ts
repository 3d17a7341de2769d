// `npm run instant:restore`: puts a backup in place as a (stopped) server's database. The backup is
// checked first; the current database is moved aside, never deleted, so a restore can be undone.

import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkDatabase, databaseFile, finishBackup, partialName } from '../storage/backup.ts'

const USAGE = `Usage: npm run instant:restore -- --from BACKUP [--data-dir DIR] [--force]
  Stop the server first. --force restores even though the data directory looks in use
  (a server that crashed leaves the same traces).`

function main(): void {
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
  const aside = join(dataDir, `before-restore-${new Date().toISOString().replace(/[-:.]/g, '')}`)
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(target + suffix)) continue
    mkdirSync(aside, { recursive: true })
    renameSync(target + suffix, join(aside, `instant.sqlite${suffix}`))
  }
  const partial = partialName(target)
  copyFileSync(from, partial)
  const info = finishBackup(partial, target)
  process.stdout.write(
    `Restored ${from}\n  into ${info.file} (integrity ok, up to transaction ${info.txId})\n` +
      (existsSync(aside) ? `  the previous database is in ${aside}\n` : '') +
      '  Start the server as usual.\n',
  )
}

try {
  main()
} catch (err) {
  process.stderr.write(`Restore failed: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`)
  process.exit(1)
}
