// Reads the local Instant server's settings from flags and environment, with safe defaults.

import { parseArgs } from 'node:util'
import { DEFAULT_INSTANT_PORT } from './local-app.ts'

export interface InstantConfig {
  host: string
  port: number
  dataDir: string
}

export function readInstantConfig(
  argv: string[],
  env: NodeJS.ProcessEnv,
  defaults: Partial<InstantConfig> = {},
): InstantConfig {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, host: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  })
  const rawPort = values.port ?? env.INSTANT_LOCAL_PORT ?? String(defaults.port ?? DEFAULT_INSTANT_PORT)
  const port = Number(rawPort)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`The port must be a whole number between 0 and 65535, got ${JSON.stringify(rawPort)}`)
  }
  return {
    host: values.host ?? env.INSTANT_LOCAL_HOST ?? defaults.host ?? '127.0.0.1',
    port,
    dataDir: values['data-dir'] ?? env.INSTANT_LOCAL_DATA_DIR ?? defaults.dataDir ?? '.data/instant',
  }
}
