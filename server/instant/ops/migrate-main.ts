// `npm run instant:export` / `npm run instant:import`: moves an app's data between Instant servers
// (local ↔ self-hosted) through the admin API, with progress on stderr; a stopped run resumes.

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import schema from '../../../instant.schema.ts'
import { DEFAULT_INSTANT_PORT, LOCAL_APP_ID } from '../local-app.ts'
import { loadDotEnv } from '../shared/env-file.ts'
import { appShape } from './migrate/app-shape.ts'
import { type Endpoint, exportApp } from './migrate/export-app.ts'
import { importApp } from './migrate/import-app.ts'

const USAGE = `Usage: npm run instant:export -- --file F [--api-uri URL] [--app-id ID] [--admin-token-file T] [--page-size N]
       npm run instant:import -- --file F [--api-uri URL] [--app-id ID] [--admin-token-file T] [--batch-size N]
  Defaults: INSTANT_API_URI or http://127.0.0.1:${DEFAULT_INSTANT_PORT}, INSTANT_APP_ID or the local app,
  INSTANT_ADMIN_TOKEN(_FILE) or <INSTANT_LOCAL_DATA_DIR or .data/instant>/admin-token.
  Run again with the same --file to resume after a stop (the checkpoint sits beside the file).`

function main(): Promise<void> {
  loadDotEnv()
  const [mode, ...args] = process.argv.slice(2)
  const { values } = parseArgs({
    args,
    options: {
      file: { type: 'string' },
      'api-uri': { type: 'string' },
      'app-id': { type: 'string' },
      'admin-token-file': { type: 'string' },
      'page-size': { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  if (values.help || !values.file || (mode !== 'export' && mode !== 'import')) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(values.help ? 0 : 2)
  }
  const env = process.env
  const tokenFile =
    values['admin-token-file'] ??
    env.INSTANT_ADMIN_TOKEN_FILE ??
    (env.INSTANT_ADMIN_TOKEN ? undefined : join(env.INSTANT_LOCAL_DATA_DIR ?? '.data/instant', 'admin-token'))
  if (tokenFile && !existsSync(tokenFile)) throw new Error(`No admin token: ${tokenFile} does not exist`)
  const end: Endpoint = {
    apiUri: (values['api-uri'] ?? env.INSTANT_API_URI ?? `http://127.0.0.1:${DEFAULT_INSTANT_PORT}`).replace(
      /\/$/,
      '',
    ),
    appId: values['app-id'] ?? env.INSTANT_APP_ID ?? LOCAL_APP_ID,
    adminToken: tokenFile ? readFileSync(tokenFile, 'utf8').trim() : String(env.INSTANT_ADMIN_TOKEN).trim(),
  }
  const size = (v: string | undefined) => (v ? Math.max(1, Number.parseInt(v, 10)) : undefined)
  if (mode === 'export') {
    return exportApp({
      from: end,
      shape: appShape(schema),
      file: values.file,
      pageSize: size(values['page-size']),
      onProgress: (p) => process.stderr.write(`export ${p.ns}: ${p.done}\n`),
    }).then((r) =>
      console.log(`exported ${r.written} records to ${values.file}${r.resumed ? ' (resumed)' : ''}`),
    )
  }
  return importApp({
    to: end,
    file: values.file,
    batchSize: size(values['batch-size']),
    onProgress: (p) => process.stderr.write(`import ${p.phase}: ${p.done} records\n`),
  }).then((r) =>
    console.log(
      `imported ${r.entities} entities, ${r.links} links, ${r.users} users` +
        (r.skippedGuests
          ? `; ${r.skippedGuests} guest users left out (the admin API cannot create them)`
          : ''),
    ),
  )
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
