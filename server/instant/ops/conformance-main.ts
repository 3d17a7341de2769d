// `npm run conformance`: our protocol conformance suite against any Instant that hosts the eduhu app
// (schema and rules pushed): one line per area and a summary; exit code 1 when anything failed. It
// creates only records and users named `conformance-<run>` and removes them at the end.

import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { type AreaResult, runSuite } from '../conformance/suite/run-suite.ts'
import { loadDotEnv } from '../shared/env-file.ts'

const USAGE = `Usage: npm run conformance -- --api-uri URL [--websocket-uri URL] --app-id ID --admin-token-file F
  --websocket-uri  default: the API URI with ws(s):// and /runtime/session
  --area NAME      run only this area (repeatable): queries, pagination, real-time, auth,
                   permission rules, admin API`

function readTarget() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      'api-uri': { type: 'string' },
      'websocket-uri': { type: 'string' },
      'app-id': { type: 'string' },
      'admin-token-file': { type: 'string' },
      area: { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
    strict: true,
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const apiUri = values['api-uri']?.replace(/\/$/, '')
  const tokenFile = values['admin-token-file']
  if (!apiUri || !values['app-id'] || !tokenFile)
    throw new Error('--api-uri, --app-id and --admin-token-file are required')
  if (!existsSync(tokenFile)) throw new Error(`${tokenFile} does not exist`)
  return {
    target: {
      apiUri,
      websocketUri: values['websocket-uri'] ?? `${apiUri.replace(/^http/, 'ws')}/runtime/session`,
      appId: values['app-id'],
      adminToken: readFileSync(tokenFile, 'utf8').trim(),
    },
    only: values.area,
  }
}

function line(r: AreaResult): string {
  return `${r.ok ? 'ok  ' : 'FAIL'}  ${r.area.padEnd(16)} ${r.detail} (${r.ms} ms)`
}

async function main(): Promise<void> {
  loadDotEnv()
  const { target, only } = readTarget()
  process.stdout.write(
    `Conformance of ${target.apiUri} (app ${target.appId}, WebSocket ${target.websocketUri})\n`,
  )
  const results = await runSuite(target, (r) => process.stdout.write(`${line(r)}\n`), only)
  const failed = results.filter((r) => !r.ok)
  const areas = results.filter((r) => r.area !== 'cleanup')
  process.stdout.write(
    failed.length
      ? `${areas.length - failed.filter((r) => r.area !== 'cleanup').length}/${areas.length} areas passed; failed: ${failed.map((r) => r.area).join(', ')}\n`
      : `${areas.length}/${areas.length} areas passed, cleanup complete\n`,
  )
  // The clients' sockets would keep the process alive.
  process.exit(failed.length ? 1 : 0)
}

main().catch((err: unknown) => {
  process.stderr.write(
    `Conformance could not run: ${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`,
  )
  process.exit(2)
})
