// `$streams` rules: the project's reply rule (startsWith and string +), ruleParams, and the
// upstream default that an app without a `$streams` rule denies.

import { describe, expect, test } from 'vitest'
import projectRules from '../../../instant.perms.ts'
import { systemAttrs } from '../model/schema-attrs.ts'
import type { Json } from '../model/types.ts'
import { memoryStoreOf } from '../storage/memory-store.ts'
import { compileRules } from './compile-rules.ts'
import { assertStreamPermission, type StreamAction } from './stream-rules.ts'

const store = memoryStoreOf(systemAttrs(), [])

function allowed(
  rules: unknown,
  action: StreamAction,
  clientId: string,
  auth: { id: string } | null,
  ruleParams?: Record<string, Json>,
): boolean {
  try {
    assertStreamPermission(compileRules(rules), store, { action, data: { clientId }, auth, ruleParams })
    return true
  } catch (err) {
    expect((err as Error).message).toMatch(/Permission denied/)
    return false
  }
}

describe('$streams rules', () => {
  const owner = { id: '7f1d2c8e-0000-4000-8000-000000000001' }
  const other = { id: '7f1d2c8e-0000-4000-8000-000000000002' }

  test("the project's rule: only the owner views her reply's stream; nobody creates one", () => {
    expect(allowed(projectRules, 'view', `reply:${owner.id}:m1`, owner)).toBe(true)
    expect(allowed(projectRules, 'view', `reply:${owner.id}:m1`, other)).toBe(false)
    expect(allowed(projectRules, 'view', `reply:${owner.id}:m1`, null)).toBe(false)
    // The prefix must end at the id: another user whose id starts like the owner's is refused.
    expect(allowed(projectRules, 'view', `reply:${owner.id}0:m1`, owner)).toBe(false)
    expect(allowed(projectRules, 'view', `other:${owner.id}:m1`, owner)).toBe(false)
    expect(allowed(projectRules, 'create', `reply:${owner.id}:m1`, owner)).toBe(false)
  })

  test("no rule denies; $default counts, as in upstream's lookup order", () => {
    expect(allowed({}, 'view', 'anything', owner)).toBe(false)
    expect(allowed({ $default: { allow: { $default: 'true' } } }, 'view', 'anything', owner)).toBe(true)
    expect(allowed({ docs: { allow: { view: 'true' } } }, 'create', 'anything', owner)).toBe(false)
  })

  test('ruleParams reach the rule', () => {
    const rules = { $streams: { allow: { view: 'data.clientId == ruleParams.key' } } }
    expect(allowed(rules, 'view', 'k1', null, { key: 'k1' })).toBe(true)
    expect(allowed(rules, 'view', 'k1', null, { key: 'k2' })).toBe(false)
  })
})
