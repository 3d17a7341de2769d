// The settings agree everywhere: every variable the code reads is documented in .env.example or
// deploy/env.example and every documented one is read (or used by compose.yaml); compose.yaml passes
// every assistant and services setting on, with the defaults the code has; required ones are set.

import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, test } from 'vitest'
import { readAssistantConfig } from '../server/assistant/config.ts'
import { readHeartbeatConfig } from '../server/assistant/heartbeat.ts'
import { readInstantConfig } from '../server/instant/config.ts'
import { backupScheduleFromEnv } from '../server/instant/ops/backup-schedule.ts'
import { limitsFromEnv } from '../server/instant/shared/limits.ts'
import { readRetentionConfig } from '../server/stack/retention.ts'
import {
  documentedVariables,
  interpolations,
  serviceEnvironment,
  setVariables,
  variablesReadByCode,
} from './settings.ts'

const root = resolve(import.meta.dirname, '..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const rootExample = documentedVariables(read('.env.example'))
const deployText = read('deploy/env.example')
const deployExample = documentedVariables(deployText)
const compose = read('deploy/compose.yaml')
const used = interpolations(compose)
const code = variablesReadByCode(root)
const sorted = (names: Iterable<string>) => [...names].sort()
/** Variables .env.example shows with an example value (they have no default to compare with). */
const EXAMPLE_VALUES = new Set([
  'VITE_INSTANT_APP_ID',
  'VITE_INSTANT_API_URI',
  'VITE_INSTANT_WEBSOCKET_URI',
  'ASSISTANT_API_URL',
  'ASSISTANT_MODEL',
  'ASSISTANT_API_KEY',
  'INSTANT_API_URI',
  'INSTANT_APP_ID',
  'INSTANT_ADMIN_TOKEN_FILE',
  'INSTANT_LOCAL_BACKUP_DIR',
])

describe('the code and the env examples', () => {
  test('the scan finds the readers it must (a broken scan would pass everything)', () => {
    for (const name of ['ASSISTANT_CONCURRENCY', 'INSTANT_LOCAL_MAX_TX_STEPS', 'RETENTION_DAYS', 'PORT'])
      expect(code).toContain(name)
    expect(code).toContain('VITE_INSTANT_APP_ID')
    expect(code.size).toBeGreaterThan(50)
  })

  test('every variable the code reads is documented', () => {
    const missing = [...code].filter((n) => !rootExample.has(n) && !deployExample.has(n))
    expect(sorted(missing)).toEqual([])
  })

  test('every variable .env.example documents is read by the code', () => {
    expect(sorted([...rootExample.keys()].filter((n) => !code.has(n)))).toEqual([])
  })

  test('every variable deploy/env.example documents is used by compose.yaml, and the reverse', () => {
    const interpolated = new Set(used.map((u) => u.name))
    expect(sorted([...deployExample.keys()].filter((n) => !interpolated.has(n)))).toEqual([])
    expect(sorted([...interpolated].filter((n) => !deployExample.has(n)))).toEqual([])
  })

  test('the defaults .env.example shows are the code defaults', () => {
    // Setting a variable to its documented default must change nothing the code reads.
    const model = { ASSISTANT_API_URL: 'http://model.example/v1', ASSISTANT_MODEL: 'm' }
    const backups = { INSTANT_LOCAL_BACKUP_DIR: '/tmp/eduhu-backups' }
    const readers: [string, (env: NodeJS.ProcessEnv) => unknown][] = [
      ['assistant', (env) => readAssistantConfig({ ...model, ...env })],
      ['heartbeat', (env) => readHeartbeatConfig(env)],
      ['retention', (env) => readRetentionConfig(env)],
      ['limits', (env) => limitsFromEnv(env)],
      ['backups', (env) => backupScheduleFromEnv({ ...backups, ...env })],
      ['instant', (env) => readInstantConfig([], env)],
    ]
    const wrong: string[] = []
    let compared = 0
    for (const [name, value] of rootExample) {
      if (value === '' || EXAMPLE_VALUES.has(name)) continue
      for (const [reader, fn] of readers) {
        try {
          if (!isDeepStrictEqual(fn({ [name]: value }), fn({}))) wrong.push(`${name}=${value} (${reader})`)
        } catch (err) {
          wrong.push(`${name}=${value} is refused (${reader}): ${err}`)
        }
      }
      compared++
    }
    expect(wrong).toEqual([])
    expect(compared).toBeGreaterThan(25)
  })
})

describe('compose.yaml', () => {
  const assistant = serviceEnvironment(compose, 'assistant')
  const services = serviceEnvironment(compose, 'services')

  test('passes every assistant setting to the workers and every retention setting to the services', () => {
    const assistantReads = [...code].filter((n) => n.startsWith('ASSISTANT_'))
    expect(sorted(assistantReads.filter((n) => !assistant.has(n)))).toEqual([])
    const retention = [...code].filter((n) => n.startsWith('RETENTION_'))
    expect(sorted(retention.filter((n) => !services.has(n)))).toEqual([])
    for (const env of [assistant, services])
      for (const n of ['INSTANT_API_URI', 'INSTANT_APP_ID', 'INSTANT_ADMIN_TOKEN_FILE'])
        expect(env).toContain(n)
  })

  test('sets only variables the code reads in the eduhu.ki services', () => {
    for (const env of [assistant, services]) expect(sorted([...env].filter((n) => !code.has(n)))).toEqual([])
  })

  test('its defaults are the ones the env examples show', () => {
    const wrong = used
      .filter((u) => u.kind === 'default')
      .flatMap((u) => {
        const shown = deployExample.get(u.name) ?? ''
        const inRoot = rootExample.get(u.name)
        const out: string[] = []
        // deploy/env.example shows the first word of a value (comments follow); compare that.
        if (shown !== u.value.split(' ')[0])
          out.push(`${u.name}: compose ${u.value}, deploy/env.example ${shown}`)
        if (inRoot !== undefined && !EXAMPLE_VALUES.has(u.name) && inRoot !== u.value)
          out.push(`${u.name}: compose ${u.value}, .env.example ${inRoot}`)
        return out
      })
    expect(wrong).toEqual([])
  })

  test('what compose requires is set in deploy/env.example, with placeholders instead of secrets', () => {
    const required = new Set(used.filter((u) => u.kind === 'required').map((u) => u.name))
    const set = setVariables(deployText)
    expect(sorted(required)).toEqual(sorted(set))
    for (const name of set) {
      const value = deployExample.get(name)!
      if (/PASSWORD|USER|MODEL/.test(name)) expect(value, name).toMatch(/^change-me/)
      else expect(value, name).toMatch(/example|^0{8}-/)
    }
  })
})
