// `npm run instant:push`: pushes instant.schema.ts and instant.perms.ts to a configured Instant. The
// local server takes them directly and reloads them live; any other Instant (self-hosted or cloud)
// gets them through the official instant-cli, pointed at it with INSTANT_CLI_API_URI.

import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { DEFAULT_INSTANT_PORT, LOCAL_APP_ID } from '../local-app.ts'
import { validateRules } from '../perms/index.ts'
import { loadDotEnv } from '../shared/env-file.ts'

const USAGE = `Usage: npm run instant:push -- [schema|perms|all] [--api-uri URL] [--app-id ID] [--admin-token-file F] [--yes]
  --api-uri           the Instant to push to (default: INSTANT_API_URI or http://127.0.0.1:${DEFAULT_INSTANT_PORT})
  --app-id            the app (default: INSTANT_APP_ID or the local app)
  --admin-token-file  the app's admin token, for the local server (default: INSTANT_ADMIN_TOKEN(_FILE)
                      or <INSTANT_LOCAL_DATA_DIR or .data/instant>/admin-token)
  Files: INSTANT_SCHEMA_FILE_PATH / INSTANT_PERMS_FILE_PATH (default: instant.schema.ts / instant.perms.ts).
  Any other Instant is pushed to with the official instant-cli (install it in the project first), with
  INSTANT_CLI_AUTH_TOKEN (from \`npx instant-cli login -p\`) if set, else the app's admin token.`

interface Target {
  apiUri: string
  appId: string
  what: 'schema' | 'perms' | 'all'
  schemaFile: string
  permsFile: string
  adminTokenFile: string | undefined
  yes: boolean
}

function readTarget(): Target {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: {
      'api-uri': { type: 'string' },
      'app-id': { type: 'string' },
      'admin-token-file': { type: 'string' },
      yes: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  })
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const what = positionals[0] ?? 'all'
  if (what !== 'schema' && what !== 'perms' && what !== 'all')
    throw new Error(`Push "schema", "perms" or "all", not ${JSON.stringify(what)}`)
  const env = process.env
  return {
    apiUri: (values['api-uri'] ?? env.INSTANT_API_URI ?? `http://127.0.0.1:${DEFAULT_INSTANT_PORT}`).replace(
      /\/$/,
      '',
    ),
    appId: values['app-id'] ?? env.INSTANT_APP_ID ?? LOCAL_APP_ID,
    what,
    schemaFile: resolve(env.INSTANT_SCHEMA_FILE_PATH ?? 'instant.schema.ts'),
    permsFile: resolve(env.INSTANT_PERMS_FILE_PATH ?? 'instant.perms.ts'),
    adminTokenFile: values['admin-token-file'] ?? env.INSTANT_ADMIN_TOKEN_FILE,
    yes: values.yes ?? false,
  }
}

async function loadDefault(file: string): Promise<unknown> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`)
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown }
  if (mod.default === undefined) throw new Error(`${file} has no default export`)
  return mod.default
}

function adminToken(target: Target): string {
  if (!target.adminTokenFile && process.env.INSTANT_ADMIN_TOKEN) return process.env.INSTANT_ADMIN_TOKEN.trim()
  const file =
    target.adminTokenFile ?? join(process.env.INSTANT_LOCAL_DATA_DIR ?? '.data/instant', 'admin-token')
  if (!existsSync(file)) throw new Error(`No admin token: ${file} does not exist (pass --admin-token-file)`)
  return readFileSync(file, 'utf8').trim()
}

async function isLocalServer(apiUri: string): Promise<boolean> {
  const res = await fetch(`${apiUri}/health`).catch((err: unknown) => {
    throw new Error(`Cannot reach ${apiUri}: ${err instanceof Error ? err.message : String(err)}`)
  })
  const body = (await res.json().catch(() => ({}))) as { service?: unknown }
  return body.service === 'instant-local'
}

async function post(
  target: Target,
  token: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${target.apiUri}/dash/apps/${target.appId}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>
  if (!res.ok) throw new Error(`${path}: ${String(json.message ?? `HTTP ${res.status}`)}`)
  return json
}

async function pushToLocal(target: Target, schema: unknown, perms: unknown): Promise<void> {
  const token = adminToken(target)
  if (schema !== undefined) {
    const r = await post(target, token, 'schema', { schema: JSON.parse(JSON.stringify(schema)) })
    process.stdout.write(`schema: pushed — ${r.attrs} attrs, ${r.added} new (existing data kept)\n`)
  }
  if (perms !== undefined) {
    await post(target, token, 'rules', { code: perms })
    process.stdout.write(
      `perms:  pushed — ${Object.keys(perms ?? {}).length} namespaces, live sessions re-checked\n`,
    )
  }
}

function pushWithInstantCli(target: Target): void {
  const bin = join('node_modules', '.bin', 'instant-cli')
  if (!existsSync(bin)) {
    throw new Error(
      `${target.apiUri} is not the local server, and instant-cli is not installed in this project.\n` +
        '  Install it (npm install --save-dev instant-cli) or run it yourself:\n' +
        `  INSTANT_CLI_API_URI=${target.apiUri} INSTANT_APP_ID=${target.appId} INSTANT_APP_ADMIN_TOKEN=… npx instant-cli@latest push ${target.what}`,
    )
  }
  // instant-cli takes a personal token (INSTANT_CLI_AUTH_TOKEN) or, in recent versions, the app's
  // admin token (INSTANT_APP_ADMIN_TOKEN); the admin token we were given is passed as the latter.
  const auth = process.env.INSTANT_CLI_AUTH_TOKEN ? {} : { INSTANT_APP_ADMIN_TOKEN: adminToken(target) }
  const args = ['push', ...(target.what === 'all' ? [] : [target.what]), ...(target.yes ? ['--yes'] : [])]
  const run = spawnSync(bin, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...auth,
      INSTANT_CLI_API_URI: target.apiUri,
      INSTANT_APP_ID: target.appId,
      INSTANT_SCHEMA_FILE_PATH: target.schemaFile,
      INSTANT_PERMS_FILE_PATH: target.permsFile,
    },
  })
  if (run.status !== 0) throw new Error(`instant-cli push exited with ${run.status ?? run.signal}`)
}

async function main(): Promise<void> {
  loadDotEnv()
  const target = readTarget()
  const schema = target.what === 'perms' ? undefined : await loadDefault(target.schemaFile)
  const perms = target.what === 'schema' ? undefined : await loadDefault(target.permsFile)
  // Checked here first, so a rule that does not compile changes nothing anywhere.
  if (perms !== undefined) {
    try {
      validateRules(perms)
    } catch (err) {
      throw new Error(`${target.permsFile} has a rule that does not compile: ${(err as Error).message}`)
    }
  }
  process.stdout.write(`Pushing ${target.what} to ${target.apiUri} (app ${target.appId})\n`)
  if (await isLocalServer(target.apiUri)) await pushToLocal(target, schema, perms)
  else pushWithInstantCli(target)
}

main().catch((err: unknown) => {
  process.stderr.write(`Push failed: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
