// The assistant worker next to the local Instant server (npm start, npm run dev), when a model is
// configured, with its heartbeat; and /health's view of the assistant. Without a model the app still
// runs and says so; prompts wait visibly and are answered once a model is set.

import { type AssistantConfig, describeModel, endpointHost } from '../assistant/config.ts'
import { forgetAllWorkers, readHeartbeatConfig, startHeartbeat } from '../assistant/heartbeat.ts'
import { type AssistantWorker, startAssistantWorker } from '../assistant/worker.ts'
import { LOCAL_APP_ID } from '../instant/local-app.ts'
import type { InstantServer } from '../instant/server.ts'
import { createLogger } from '../instant/shared/log.ts'
import { assistantHealth } from './assistant-health.ts'

export interface LocalAssistant {
  worker: AssistantWorker | undefined
  /** One line for the start banner. */
  status: string
  /** The assistant's part of /health. */
  health: () => Promise<Record<string, unknown>>
  close(): Promise<void>
}

export function startLocalAssistant(
  server: InstantServer,
  config: AssistantConfig | null,
  env: NodeJS.ProcessEnv = process.env,
): LocalAssistant {
  const app = server.localApp
  if (!app) throw new Error('The local Instant server has no local app to answer in')
  const target = { appId: LOCAL_APP_ID, adminToken: app.row.adminToken, apiURI: server.url }
  const log = createLogger(undefined, 'assistant')
  const health = assistantHealth(target)
  if (!config) {
    // A record left by an earlier run with a model would read as "not reachable"; nothing is set up.
    forgetAllWorkers(target).catch((err: unknown) =>
      log.warn('could not remove old heartbeats', { error: String(err) }),
    )
    return {
      worker: undefined,
      status: 'assistant: no model configured (set ASSISTANT_API_URL and ASSISTANT_MODEL, see .env.example)',
      health,
      close: async () => {},
    }
  }
  const heartbeat = startHeartbeat({
    ...target,
    ...readHeartbeatConfig(env),
    model: config.model,
    endpointHost: endpointHost(config.apiUrl),
    log,
    soleWorker: true,
  })
  const worker = startAssistantWorker({ ...target, config, log, soleWorker: true })
  return {
    worker,
    status: `assistant: ${describeModel(config)}`,
    health,
    async close() {
      await worker.close()
      await heartbeat.close()
    },
  }
}
