// The single-machine systemd units: `systemd-analyze verify` accepts them without a warning, and
// they fit the code: the entry files and flags exist, one data directory, the local app's id and
// admin token, the timer's service, no unit running as root.

import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'

const root = resolve(import.meta.dirname, '..')
const dir = join(root, 'deploy/systemd')
const units = readdirSync(dir).filter((f) => f.endsWith('.service') || f.endsWith('.timer'))
const scratch = mkdtempSync(join(tmpdir(), 'eduhu-units-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

type Unit = Map<string, Map<string, string[]>>

function parseUnit(text: string): Unit {
  const unit: Unit = new Map()
  let section: Map<string, string[]> | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const head = /^\[(\w+)\]$/.exec(line)
    if (head) {
      section = new Map()
      unit.set(head[1]!, section)
      continue
    }
    const kv = /^(\w+)=(.*)$/.exec(line)
    if (!kv || !section) throw new Error(`not a unit-file line: ${raw}`)
    section.set(kv[1]!, [...(section.get(kv[1]!) ?? []), kv[2]!])
  }
  return unit
}

const parsed = new Map(units.map((f) => [f, parseUnit(readFileSync(join(dir, f), 'utf8'))]))
const value = (file: string, section: string, key: string) => parsed.get(file)?.get(section)?.get(key) ?? []

test('the units are there', () => {
  expect(units.sort()).toEqual([
    'eduhu-assistant@.service',
    'eduhu-backup.service',
    'eduhu-backup.timer',
    'eduhu.service',
  ])
})

// systemd-analyze comes with Debian's systemd package; a machine without it says so in the
// test's name (npm test lists every skip) instead of failing on the missing tool.
const hasSystemdAnalyze = spawnSync('systemd-analyze', ['--version']).error === undefined

test.skipIf(!hasSystemdAnalyze)(
  'systemd-analyze verify accepts every unit without a warning (skipped where systemd-analyze is not installed)',
  () => {
    // The template is verified as an instance, as systemctl would start it.
    for (const f of units) copyFileSync(join(dir, f), join(scratch, f))
    copyFileSync(join(dir, 'eduhu-assistant@.service'), join(scratch, 'eduhu-assistant@1.service'))
    const files = readdirSync(scratch).map((f) => join(scratch, f))
    const run = spawnSync('systemd-analyze', ['verify', '--man=no', ...files], { encoding: 'utf8' })
    expect(run.error, "systemd-analyze is part of Debian's systemd package").toBeUndefined()
    expect(run.stderr.trim()).toBe('')
    expect(run.status).toBe(0)
  },
)

test('every service runs as eduhu from /opt/eduhu, with an entry file and flags that exist', () => {
  for (const f of units.filter((u) => u.endsWith('.service'))) {
    expect(value(f, 'Service', 'User'), f).toEqual(['eduhu'])
    expect(value(f, 'Service', 'WorkingDirectory'), f).toEqual(['/opt/eduhu'])
    expect(value(f, 'Unit', 'Description')[0], f).toMatch(/eduhu\.ki/)
    const exec = value(f, 'Service', 'ExecStart')[0]!
    const entry = /--import tsx (\S+\.ts)(.*)$/.exec(exec)
    expect(entry, f).not.toBeNull()
    const source = join(root, entry![1]!)
    expect(existsSync(source), `${f}: ${entry![1]}`).toBe(true)
    const text = readFileSync(source, 'utf8')
    const flags = [...entry![2]!.matchAll(/--([a-z-]+)/g)].map((m) => m[1]!)
    // The parseArgs options of the entry (or of readInstantConfig for the stack).
    const options = text + readFileSync(join(root, 'server/instant/config.ts'), 'utf8')
    for (const flag of flags)
      expect(options, `${f}: --${flag}`).toMatch(new RegExp(`'${flag}'|\\b${flag}: \\{`))
  }
})

test('one data directory, the local app and its admin token, and the stack runs no worker itself', () => {
  const stack = value('eduhu.service', 'Service', 'ExecStart')[0]!
  const dataDir = /--data-dir (\S+)/.exec(stack)![1]!
  const port = /--port (\d+)/.exec(stack)![1]!
  expect(stack).toMatch(/ASSISTANT_API_URL= ASSISTANT_MODEL= /)
  expect(value('eduhu-backup.service', 'Service', 'ExecStart')[0]).toContain(`--data-dir ${dataDir} `)
  const worker = value('eduhu-assistant@.service', 'Service', 'Environment')
  expect(worker).toContain(`INSTANT_API_URI=http://127.0.0.1:${port}`)
  expect(worker).toContain(`INSTANT_APP_ID=${LOCAL_APP_ID}`)
  expect(worker).toContain(`INSTANT_ADMIN_TOKEN_FILE=${dataDir}/admin-token`)
  // The single-machine Caddyfile proxies to the same port.
  expect(readFileSync(join(root, 'deploy/single-machine/Caddyfile'), 'utf8')).toContain(`127.0.0.1:${port}`)
})

test('the timer starts the backup service, and a missed run is caught up', () => {
  expect(value('eduhu-backup.timer', 'Timer', 'Unit')).toEqual(['eduhu-backup.service'])
  expect(value('eduhu-backup.timer', 'Timer', 'Persistent')).toEqual(['true'])
  expect(value('eduhu-backup.service', 'Service', 'Type')).toEqual(['oneshot'])
})
