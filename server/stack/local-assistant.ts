// The assistant worker next to the local Instant server (npm start, npm run dev), when a model is
// configured. Without one the app still runs; prompts wait visibly and are answered once it is set.

import { type AssistantConfig, describeModel } from '../assistant/config.ts'
import { type AssistantWorker, startAssistantWorker } from '../assistant/worker.ts'
import { LOCAL_APP_ID } from '../instant/local-app.ts'
import type { InstantServer } from '../instant/server.ts'
import { createLogger } from '../instant/shared/log.ts'

export function startLocalAssistant(
  server: InstantServer,
  config: AssistantConfig | null,
): { worker: AssistantWorker | undefined; status: string } {
  if (!config)
    return {
      worker: undefined,
      status: 'assistant: no model configured (set ASSISTANT_API_URL and ASSISTANT_MODEL, see .env.example)',
    }
  const app = server.localApp
  if (!app) throw new Error('The local Instant server has no local app to answer in')
  const worker = startAssistantWorker({
    appId: LOCAL_APP_ID,
    adminToken: app.row.adminToken,
    apiURI: server.url,
    config,
    log: createLogger(undefined, 'assistant'),
    soleWorker: true,
  })
  return { worker, status: `assistant: ${describeModel(config)}` }
}
