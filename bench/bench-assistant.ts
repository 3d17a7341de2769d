// The real assistant worker for the browser benchmarks: it answers from the scripted model and talks
// to the bench stack through a pass-through proxy that records its message writes (what the database
// commits per reply, with when each was sent and answered; server/assistant/testing/recording-proxy.ts).

import { readAssistantConfig } from '../server/assistant/config.ts'
import { type RecordedWrite, startRecordingProxy } from '../server/assistant/testing/recording-proxy.ts'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { startAssistantWorker } from '../server/assistant/worker.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { createLogger } from '../server/instant/shared/log.ts'
import type { BrowserStack } from './browser-harness.ts'

export interface BenchAssistant {
  model: ScriptedModel
  /** How often the worker writes a growing reply (its config), without and with the reply's stream. */
  flushIntervalMs: number
  streams: boolean
  streamFlushIntervalMs: number
  /** Admin transactions the worker sent that wrote `messages` (each one durable on the server). */
  messageWrites(): number
  /** Those writes in order: body, when it reached the proxy and when the server answered (Date.now()). */
  messageWriteLog(): MessageWrite[]
  close(): Promise<void>
}

export type MessageWrite = RecordedWrite

/**
 * The real assistant worker answering from the scripted model, talking to the stack through a
 * pass-through proxy that counts its message writes (what the database commits per reply); env adds
 * worker settings (e.g. ASSISTANT_FLUSH_MS).
 */
export async function startBenchAssistant(
  stack: BrowserStack,
  env: Record<string, string> = {},
): Promise<BenchAssistant> {
  const model = await startScriptedModel()
  const proxy = await startRecordingProxy(stack.url)
  const log = () => proxy.writes.filter((w) => w.body.includes('"messages"'))
  const config = readAssistantConfig({
    ASSISTANT_API_URL: model.url,
    ASSISTANT_MODEL: 'scripted',
    ASSISTANT_RETRY_DELAY_MS: '10',
    ...env,
  })!
  const worker = startAssistantWorker({
    appId: LOCAL_APP_ID,
    adminToken: stack.adminToken(),
    apiURI: proxy.url,
    config,
    log: createLogger('error', 'assistant'),
    soleWorker: true,
  })
  return {
    model,
    flushIntervalMs: config.flushIntervalMs,
    streams: config.streams,
    streamFlushIntervalMs: config.streamFlushIntervalMs,
    messageWrites: () => log().length,
    messageWriteLog: log,
    async close() {
      await worker.close()
      await model.close()
      await proxy.close()
    },
  }
}
