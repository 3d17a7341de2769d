// Runs the local Instant server in a child process (as `npm run instant` does), so tests can kill -9
// it and restart it on the same port and data directory; or the whole stack (as `npm start` does,
// built app and assistant worker included) with its own environment.

import { type ChildProcess, spawn } from 'node:child_process'

export interface ServerProcess {
  url: string
  port: number
  proc: ChildProcess
  kill(signal?: NodeJS.Signals): Promise<void>
}

export interface ServerProcessOptions {
  /** 'stack' serves dist/ next to the API and runs the assistant worker when a model is configured. */
  entry?: 'instant' | 'stack'
  env?: Record<string, string>
}

const ENTRIES = { instant: 'server/instant/main.ts', stack: 'server/stack/main.ts' }

export async function startServerProcess(
  dataDir: string,
  port: number,
  opts: ServerProcessOptions = {},
): Promise<ServerProcess> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', ENTRIES[opts.entry ?? 'instant'], '--port', String(port), '--data-dir', dataDir],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, INSTANT_LOCAL_LOG: 'warn', ...opts.env },
    },
  )
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  // Starting compiles the server on the fly: on a busy machine that takes a while, so wait by the
  // clock (generously), not by a count of quick tries.
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`)
    try {
      if ((await fetch(`${url}/health`)).ok) {
        return {
          url,
          port,
          proc,
          kill: async (signal = 'SIGKILL') => {
            proc.kill(signal)
            await exited
          },
        }
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 50))
  }
  proc.kill('SIGKILL')
  throw new Error('server process did not become healthy')
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net')
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}
