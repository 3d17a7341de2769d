// loadDotEnv: the file fills in what the environment lacks and never overrides it; EDUHU_ENV_FILE
// names another file, or none when empty; a named file that is missing is an error.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { loadDotEnv } from './env-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'eduhu-envfile-'))
const file = join(dir, 'eduhu.env')
writeFileSync(
  file,
  [
    '# comments and commented-out settings, as in .env.example',
    '# ASSISTANT_MODEL=gpt-4o-mini',
    'ASSISTANT_API_URL=http://localhost:11434/v1   # Ollama',
    'PORT=3000',
    'ASSISTANT_SYSTEM_PROMPT="Du bist hilfsbereit."',
    '',
  ].join('\n'),
)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('fills in what the environment lacks, the environment wins', () => {
  const env: NodeJS.ProcessEnv = { EDUHU_ENV_FILE: file, PORT: '4000' }
  const set = loadDotEnv(env)
  expect(set.sort()).toEqual(['ASSISTANT_API_URL', 'ASSISTANT_SYSTEM_PROMPT'])
  expect(env).toEqual({
    EDUHU_ENV_FILE: file,
    PORT: '4000',
    ASSISTANT_API_URL: 'http://localhost:11434/v1',
    ASSISTANT_SYSTEM_PROMPT: 'Du bist hilfsbereit.',
  })
})

test('an empty EDUHU_ENV_FILE reads nothing; a named file that is missing is an error', () => {
  const env: NodeJS.ProcessEnv = { EDUHU_ENV_FILE: '' }
  expect(loadDotEnv(env)).toEqual([])
  expect(env).toEqual({ EDUHU_ENV_FILE: '' })
  expect(() => loadDotEnv({ EDUHU_ENV_FILE: join(dir, 'fehlt.env') })).toThrow(/fehlt\.env does not exist/)
})

test('without EDUHU_ENV_FILE it is .env in the working directory, optional', () => {
  const cwd = process.cwd()
  try {
    process.chdir(dir)
    const none: NodeJS.ProcessEnv = {}
    expect(loadDotEnv(none)).toEqual([])
    writeFileSync(join(dir, '.env'), 'RETENTION_DAYS=30\n')
    const env: NodeJS.ProcessEnv = {}
    expect(loadDotEnv(env)).toEqual(['RETENTION_DAYS'])
    expect(env.RETENTION_DAYS).toBe('30')
  } finally {
    process.chdir(cwd)
  }
})
