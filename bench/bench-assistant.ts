// The real assistant worker for the browser benchmarks: it answers from the scripted model and talks
// to the bench stack through a pass-through proxy that records its message writes (what the database
// commits per reply, with when each was sent and answered).

import { once } from 'node:events'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readAssistantConfig } from '../server/assistant/config.ts'
import { type ScriptedModel, startScriptedModel } from '../server/assistant/testing/scripted-model.ts'
import { startAssistantWorker } from '../server/assistant/worker.ts'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import { createLogger } from '../server/instant/shared/log.ts'
import type { BrowserStack } from './browser-harness.ts'

export interface BenchAssistant {
  model: ScriptedModel
  /** How often the worker writes a growing reply (its config). */
  flushIntervalMs: number
  /** Admin transactions the worker sent that wrote `messages` (each one durable on the server). */
  messageWrites(): number
  /** Those writes in order: body, when it reached the proxy and when the server answered (Date.now()). */
  messageWriteLog(): MessageWrite[]
  close(): Promise<void>
}

export interface MessageWrite {
  body: string
  sentAt: number
  answeredAt?: number
}

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
  const log: MessageWrite[] = []
  const target = new URL(stack.url)
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const write =
        req.url?.startsWith('/admin/transact') && body.includes('"messages"')
          ? { body: body.toString(), sentAt: Date.now() }
          : undefined
      if (write) log.push(write)
      const upstream = request(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (answer) => {
          if (write) answer.once('end', () => Object.assign(write, { answeredAt: Date.now() }))
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      res.on('close', () => upstream.destroy())
      upstream.end(body)
    })
  })
  proxy.listen(0, '127.0.0.1')
  await once(proxy, 'listening')
  const config = readAssistantConfig({
    ASSISTANT_API_URL: model.url,
    ASSISTANT_MODEL: 'scripted',
    ASSISTANT_RETRY_DELAY_MS: '10',
    ...env,
  })!
  const worker = startAssistantWorker({
    appId: LOCAL_APP_ID,
    adminToken: stack.adminToken(),
    apiURI: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    config,
    log: createLogger('error', 'assistant'),
    soleWorker: true,
  })
  return {
    model,
    flushIntervalMs: config.flushIntervalMs,
    messageWrites: () => log.length,
    messageWriteLog: () => log,
    async close() {
      await worker.close()
      await model.close()
      proxy.closeAllConnections()
      proxy.close()
    },
  }
}
