// Query-time checks (view, fields, the $users fallback) and sign-up (`$users.allow.create`).

import { randomUUID } from 'node:crypto'
import { i } from '@instantdb/core'
import { describe, expect, test } from 'vitest'
import { checkSignup } from './signup.ts'
import { PermsFixture, rejection } from './test-fixture.ts'
import { queryPermissions } from './view-checker.ts'

const schema = i.schema({
  entities: {
    $users: i.entity({ email: i.string().unique().indexed().optional(), nickname: i.string().optional() }),
    posts: i.entity({ title: i.string(), secret: i.string().optional() }),
  },
  links: {
    postAuthor: {
      forward: { on: 'posts', has: 'one', label: 'author' },
      reverse: { on: '$users', has: 'many', label: 'posts' },
    },
  },
})

describe('query permissions', () => {
  test('fields rules hide one attribute of an entity that stays visible (docs: hide emails)', () => {
    const rules = { $users: { allow: { view: 'true' }, fields: { email: 'auth.id == data.id' } } }
    const f = new PermsFixture(schema, rules)
    const [a, b] = [f.user({ email: 'a@x.de' }), f.user({ email: 'b@x.de' })]
    const perms = queryPermissions(f.rules, f.store, a, undefined)
    expect([perms.canView('$users', b.id), perms.canViewField('$users', b.id, 'email')]).toEqual([
      true,
      false,
    ])
    expect([perms.canViewField('$users', a.id, 'email'), perms.canViewField('$users', b.id, 'id')]).toEqual([
      true,
      true,
    ])
  })

  test('$users without rules: each user sees only their own row (upstream fallback)', () => {
    const f = new PermsFixture(schema, {})
    const [a, b] = [f.user(), f.user()]
    expect([
      f.canView(a, '$users', a.id),
      f.canView(a, '$users', b.id),
      f.canView(null, '$users', a.id),
    ]).toEqual([true, false, false])
  })

  test('view sees links as they are now; results are memoised per checker', () => {
    const f = new PermsFixture(schema, { posts: { allow: { view: "auth.id in data.ref('author.id')" } } })
    const a = f.user()
    const post = randomUUID()
    f.transact(f.put('posts', post, { title: 'p' }), null)
    const perms = queryPermissions(f.rules, f.store, a, undefined)
    expect(perms.canView('posts', post)).toBe(false)
    f.transact([f.link('posts', post, 'author', a.id)], null, true)
    expect(perms.canView('posts', post)).toBe(false)
    expect(f.canView(a, 'posts', post)).toBe(true)
  })
})

describe('sign-up', () => {
  const signup = (rules: unknown, user: { email?: string; extraFields?: Record<string, string> }) => {
    const f = new PermsFixture(schema, rules)
    return rejection(() => checkSignup(f.rules, f.store, { id: randomUUID(), ...user }))
  }

  test('no $users.allow.create: sign-up is allowed, but extra fields need an explicit rule', () => {
    expect(signup({}, {})).toBeUndefined()
    expect(signup({ $default: { allow: { $default: 'false' } } }, { email: 'a@x.de' })).toBeUndefined()
    expect(signup({}, { extraFields: { nickname: 'n' } })).toMatchObject({
      type: 'permission-denied',
      hint: { input: ['$users', 'create'], expected: 'perms-pass?' },
    })
    expect(
      signup({ $users: { allow: { create: 'true' } } }, { extraFields: { nickname: 'n' } }),
    ).toBeUndefined()
  })

  test('the rule sees the new user as data and as auth', () => {
    const rules = { $users: { allow: { create: "data.email.endsWith('@schule.de') && auth.id == data.id" } } }
    expect(signup(rules, { email: 'l@schule.de' })).toBeUndefined()
    expect(signup(rules, { email: 'l@gmail.com' })).toBeDefined()
    expect(signup({ $users: { allow: { create: 'false' } } }, {})).toBeDefined()
  })
})
