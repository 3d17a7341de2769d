// Loads a `.env` file (as .env.example says: "copy to .env") into the environment of the stack, the
// worker, the services and the operator commands: the file Vite reads for VITE_* at build time. The
// real environment wins over the file, so systemd, compose and tests stay in charge.

import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseEnv } from 'node:util'

/**
 * Sets every variable from the file that `env` does not hold yet and returns their names. The file is
 * EDUHU_ENV_FILE, else `.env` in the working directory; EDUHU_ENV_FILE set empty reads none (tests).
 */
export function loadDotEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const file = env.EDUHU_ENV_FILE ?? '.env'
  if (file.trim() === '') return []
  const path = resolve(file)
  if (!existsSync(path)) {
    // A file named on purpose must exist; the default one is optional.
    if (env.EDUHU_ENV_FILE !== undefined) throw new Error(`EDUHU_ENV_FILE ${path} does not exist`)
    return []
  }
  const parsed = parseEnv(readFileSync(path, 'utf8'))
  const set: string[] = []
  for (const [name, value] of Object.entries(parsed)) {
    if (value === undefined || env[name] !== undefined) continue
    env[name] = value
    set.push(name)
  }
  return set
}
