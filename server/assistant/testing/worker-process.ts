// Assistant workers as their own processes (`npm run assistant`) against a local Instant server
// process and the scripted model: for the multi-worker test and the throughput benchmark.

import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'
import { LOCAL_APP_ID } from '../../instant/local-app.ts'

export interface WorkerProcessOptions {
  /** The Instant server's URL and data directory (its `admin-token` file is read by the worker). */
  serverUrl: string
  dataDir: string
  modelUrl: string
  /** The model name the worker sends: its own, so requests and replies tell who answered. */
  name: string
  /** More settings (ASSISTANT_*), over the defaults below. */
  env?: Record<string, string>
}

export function startWorkerProcess(opts: WorkerProcessOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/assistant/main.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      INSTANT_API_URI: opts.serverUrl,
      INSTANT_APP_ID: LOCAL_APP_ID,
      INSTANT_ADMIN_TOKEN_FILE: join(opts.dataDir, 'admin-token'),
      ASSISTANT_API_URL: opts.modelUrl,
      ASSISTANT_MODEL: opts.name,
      ASSISTANT_FLUSH_MS: '50',
      ASSISTANT_RETRY_DELAY_MS: '10',
      ASSISTANT_RATE_PER_MINUTE: '0',
      ASSISTANT_RATE_PER_DAY: '0',
      INSTANT_LOCAL_LOG: 'error',
      ...opts.env,
    },
  })
}

/** Sends `signal` and resolves once the process has exited (at once if it already has). */
export async function stopProcess(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  proc.kill(signal)
  await exited
}
