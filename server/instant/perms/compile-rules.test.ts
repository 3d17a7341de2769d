// Rule lookup as upstream's model/rule.clj get-program! does it, and the docs' $default examples.

import { describe, expect, test } from 'vitest'
import { compileRules } from './compile-rules.ts'

const pathOf = (rules: unknown, etype: string, action: 'view' | 'create' | 'update' | 'delete') =>
  compileRules(rules).program(etype, action)?.path

describe('rule lookup order', () => {
  const rules = {
    $default: { allow: { view: 'true', $default: 'false' } },
    todos: { allow: { $default: 'false', view: 'true' } },
    notes: { allow: { create: 'true' } },
  }

  test('[ns allow action] → [ns allow $default] → [$default allow action] → [$default allow $default]', () => {
    expect(pathOf(rules, 'todos', 'view')).toBe('todos.allow.view')
    expect(pathOf(rules, 'todos', 'delete')).toBe('todos.allow.$default')
    expect(pathOf(rules, 'notes', 'view')).toBe('$default.allow.view')
    expect(pathOf(rules, 'notes', 'update')).toBe('$default.allow.$default')
    expect(pathOf(rules, 'unknown', 'create')).toBe('$default.allow.$default')
  })

  test('no rule at all means allowed (no program), for null, {} and unset actions', () => {
    expect(pathOf(null, 'todos', 'view')).toBeUndefined()
    expect(pathOf({}, 'todos', 'delete')).toBeUndefined()
    expect(pathOf({ todos: { allow: { view: 'false' } } }, 'todos', 'update')).toBeUndefined()
  })

  test('system namespaces fall back to upstream defaults only after every $default', () => {
    expect(pathOf({}, '$users', 'view')).toBe('$users.fallback.view')
    expect(pathOf({}, '$users', 'create')).toBe('$users.fallback.create')
    expect(pathOf({}, '$users', 'delete')).toBe('$users.fallback.delete')
    expect(pathOf({}, '$files', 'view')).toBe('$files.fallback.view')
    expect(pathOf({ $default: { allow: { $default: 'false' } } }, '$users', 'view')).toBe(
      '$default.allow.$default',
    )
  })

  test('fields, link and unlink rules, and sign-up, read only their own paths', () => {
    const compiled = compileRules({
      $default: { allow: { $default: 'false' } },
      $users: { allow: { view: 'true' }, fields: { email: 'auth.id == data.id' } },
      messages: { allow: { link: { conversation: 'true', $default: 'false' }, unlink: { parent: 'true' } } },
    })
    expect(compiled.fieldProgram('$users', 'email')?.path).toBe('$users.fields.email')
    expect(compiled.fieldProgram('$users', 'handle')).toBeUndefined()
    expect(compiled.linkProgram('messages', 'conversation', 'link')?.path).toBe(
      'messages.allow.link.conversation',
    )
    expect(compiled.linkProgram('messages', 'parent', 'link')?.path).toBe('messages.allow.link.$default')
    expect(compiled.linkProgram('messages', 'conversation', 'unlink')).toBeUndefined()
    expect(compiled.linkProgram('artifacts', 'owner', 'link')).toBeUndefined()
    expect(compiled.signupProgram()).toBeUndefined()
  })

  test('a boolean rule is its string; any other non-string rule is an error naming it', () => {
    expect(pathOf({ todos: { allow: { view: false } } }, 'todos', 'view')).toBe('todos.allow.view')
    expect(() => compileRules({ todos: { allow: { view: 1 } } })).toThrow(/^todos\.allow\.view: /)
    expect(() => compileRules([])).toThrow(/rules must be an object/)
  })

  test("a $default rule that uses newData fails for view, where newData is not defined (as upstream's compilers)", () => {
    expect(() => compileRules({ $default: { allow: { $default: 'newData.x == 1' } } })).toThrow(
      /^\$default\.allow\.\$default: /,
    )
  })

  test("the project's own rules compile", async () => {
    const { default: rules } = await import('../../../instant.perms.ts')
    expect(() => compileRules(rules)).not.toThrow()
  })
})
