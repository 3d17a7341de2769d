// Every failure code the worker can store on a reply has a text in both languages of the app.

import { expect, test } from 'vitest'
import { de } from '../../src/i18n/de.ts'
import { en } from '../../src/i18n/en.ts'
import { MODEL_ERROR_KINDS } from './openai-stream.ts'
import { INTERRUPTED } from './worker.ts'

test('each stored failure code has a German and an English message', () => {
  // 'aborted' is never stored: a stopped reply keeps status 'stopped'.
  const stored = [...MODEL_ERROR_KINDS.filter((k) => k !== 'aborted'), INTERRUPTED]
  for (const code of stored) {
    const key = `message.error.${code}`
    expect(Object.hasOwn(de, key), key).toBe(true)
    expect(Object.hasOwn(en, key), key).toBe(true)
  }
})
