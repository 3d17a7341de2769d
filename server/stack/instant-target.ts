// Which Instant a stand-alone process (`npm run services`) works in: INSTANT_API_URI, INSTANT_APP_ID
// and the app's admin token (INSTANT_ADMIN_TOKEN_FILE, or INSTANT_ADMIN_TOKEN), each a clear error
// when missing.

import { readFileSync } from 'node:fs'
import type { InstantTarget } from '../assistant/admin-db.ts'

function required(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name]?.trim()
  if (!v) throw new Error(`${name} is not set (see deploy/env.example)`)
  return v
}

export function readInstantTarget(env: NodeJS.ProcessEnv): InstantTarget {
  const file = env.INSTANT_ADMIN_TOKEN_FILE?.trim()
  let adminToken: string
  if (file) {
    try {
      adminToken = readFileSync(file, 'utf8').trim()
    } catch (err) {
      throw new Error(`INSTANT_ADMIN_TOKEN_FILE cannot be read: ${(err as Error).message}`)
    }
    if (!adminToken) throw new Error(`INSTANT_ADMIN_TOKEN_FILE ${file} is empty`)
  } else {
    adminToken = required(env, 'INSTANT_ADMIN_TOKEN')
  }
  const apiURI = required(env, 'INSTANT_API_URI').replace(/\/+$/, '')
  try {
    new URL(apiURI)
  } catch {
    throw new Error(`INSTANT_API_URI is not a URL: ${JSON.stringify(apiURI)}`)
  }
  return { appId: required(env, 'INSTANT_APP_ID'), adminToken, apiURI }
}
