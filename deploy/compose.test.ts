// deploy/compose.yaml against the compose-spec JSON schema and the best-practice and security rules
// of dclint (a maintained Compose linter that ships the schema and validates with ajv). Only the rules
// about the order of keys and services are switched off. A broken file is refused.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DCLinter } from 'dclint'
import { afterAll, expect, test } from 'vitest'

const ORDER_RULES = [
  'service-keys-order',
  'services-alphabetical-order',
  'service-dependencies-alphabetical-order',
  'top-level-properties-order',
  'service-ports-alphabetical-order',
]
const compose = resolve(import.meta.dirname, 'compose.yaml')
const scratch = mkdtempSync(join(tmpdir(), 'eduhu-compose-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function lint(file: string): string[] {
  const linter = new DCLinter({
    rules: Object.fromEntries(ORDER_RULES.map((r) => [r, 0])),
    quiet: false,
    debug: false,
    exclude: [],
  })
  const results = linter.lintFiles([file], false)
  expect(results).toHaveLength(1)
  return results[0]!.messages.map((m) => `${m.rule} (line ${m.line}): ${m.message}`)
}

test('compose.yaml is valid Compose and passes the best-practice and security rules', () => {
  expect(lint(compose)).toEqual([])
})

test('a file that breaks the schema is refused', () => {
  // dclint only picks up files named like compose files.
  const dir = join(scratch, 'broken')
  mkdirSync(dir)
  const text = readFileSync(compose, 'utf8')
  expect(text).toContain('    restart: unless-stopped\n')
  writeFileSync(
    join(dir, 'compose.yaml'),
    text.replace('    restart: unless-stopped\n', '    restart_policy: sometimes\n'),
  )
  expect(lint(join(dir, 'compose.yaml'))).toEqual([
    expect.stringMatching(/^invalid-schema \(line \d+\): .*instancePath="\/services\/postgres"/),
  ])
})
