// `npm run assistant`: the worker on its own, for a deployment where Instant runs elsewhere (a
// self-hosted Instant server). `npm start` does not need this: it runs the worker itself.

import { readFileSync } from 'node:fs'
import { loadDotEnv } from '../instant/shared/env-file.ts'
import { createLogger } from '../instant/shared/log.ts'
import { describeModel, endpointHost, readAssistantConfig } from './config.ts'
import { readHeartbeatConfig, startHeartbeat } from './heartbeat.ts'
import { startAssistantWorker } from './worker.ts'

function required(name: string): string {
  const v = process.env[name]?.trim()
  if (!v) throw new Error(`${name} is not set (see .env.example)`)
  return v
}

function adminToken(): string {
  const file = process.env.INSTANT_ADMIN_TOKEN_FILE?.trim()
  if (file) return readFileSync(file, 'utf8').trim()
  return required('INSTANT_ADMIN_TOKEN')
}

async function main(): Promise<void> {
  loadDotEnv()
  const config = readAssistantConfig(process.env)
  if (!config) throw new Error('No model configured: set ASSISTANT_API_URL and ASSISTANT_MODEL')
  const heartbeatConfig = readHeartbeatConfig(process.env)
  const target = {
    appId: required('INSTANT_APP_ID'),
    adminToken: adminToken(),
    apiURI: required('INSTANT_API_URI').replace(/\/+$/, ''),
  }
  const log = createLogger(undefined, 'assistant')
  // Announces this worker to the app (and /health) for as long as it runs.
  const heartbeat = startHeartbeat({
    ...target,
    ...heartbeatConfig,
    model: config.model,
    endpointHost: endpointHost(config.apiUrl),
    log,
  })
  const worker = startAssistantWorker({ ...target, config, log })
  process.stdout.write(`Assistant worker answering in ${target.apiURI} with ${describeModel(config)}\n`)
  const stop = () =>
    void worker
      .close()
      .then(() => heartbeat.close())
      .then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(
    `The assistant worker could not start: ${err instanceof Error ? err.message : String(err)}\n`,
  )
  process.exit(1)
})
