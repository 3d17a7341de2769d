// The rule language as Instant's permissions docs describe it (docs/permissions, docs/users):
// data, auth, ref(), bind, newData, ruleParams, request.*, missing keys, macros and functions.

import { i } from '@instantdb/core'
import { describe, expect, test } from 'vitest'
import type { Json } from '../model/types.ts'
import type { AuthUser } from './rule-scope.ts'
import { PermsFixture, rejection } from './test-fixture.ts'

const schema = i.schema({
  entities: {
    $users: i.entity({ email: i.string().unique().indexed().optional(), handle: i.string().optional() }),
    docs: i.entity({
      title: i.string().optional(),
      n: i.number().optional(),
      labels: i.json().optional(),
      meta: i.json().optional(),
      updatedAt: i.date().optional(),
    }),
    roles: i.entity({ type: i.string() }),
    tags: i.entity({ name: i.string() }),
  },
  links: {
    docOwner: {
      forward: { on: 'docs', has: 'one', label: 'owner' },
      reverse: { on: '$users', has: 'many', label: 'docs' },
    },
    docTags: {
      forward: { on: 'docs', has: 'many', label: 'tags' },
      reverse: { on: 'tags', has: 'many', label: 'docs' },
    },
    userRoles: {
      forward: { on: '$users', has: 'many', label: 'roles' },
      reverse: { on: 'roles', has: 'many', label: 'users' },
    },
  },
})

/** A doc owned by a user with role 'admin' and two tags; `view` is the rule under test. */
function world(view: string, extra: Record<string, unknown> = {}) {
  const f = new PermsFixture(schema, { docs: { allow: { view }, ...extra } })
  const owner = f.user({ email: 'joe@instantdb.com', handle: 'joe' })
  const other = f.user({ email: 'eve@example.com' })
  const role = crypto.randomUUID()
  const doc = crypto.randomUUID()
  const [t1, t2] = [crypto.randomUUID(), crypto.randomUUID()]
  const fields: Record<string, Json> = { title: 'Bruch', n: 1, labels: ['a', 'b'], meta: { level: 2 } }
  f.transact(
    [
      ...f.put('roles', role, { type: 'admin' }),
      f.link('$users', owner.id, 'roles', role),
      ...f.put('tags', t1, { name: 'math' }),
      ...f.put('tags', t2, { name: 'grade5' }),
      ...f.put('docs', doc, fields),
      f.link('docs', doc, 'owner', owner.id),
      f.link('docs', doc, 'tags', t1),
      f.link('docs', doc, 'tags', t2),
    ],
    null,
    true,
  )
  const sees = (auth: AuthUser | null, ruleParams?: Record<string, Json>) =>
    f.canView(auth, 'docs', doc, ruleParams)
  return { f, owner, other, doc, sees }
}

describe('data, auth and ref()', () => {
  test('auth.id != null is false when signed out', () => {
    const { owner, sees } = world('auth.id != null')
    expect([sees(owner), sees(null)]).toEqual([true, false])
  })

  test("data.ref('owner.id') is a list of ids: `in` matches, `==` against a string does not", () => {
    expect(world("auth.id in data.ref('owner.id')").sees(world('true').owner)).toBe(false)
    const w = world("auth.id in data.ref('owner.id')")
    expect([w.sees(w.owner), w.sees(w.other), w.sees(null)]).toEqual([true, false, false])
    const eq = world("auth.id == data.ref('owner.id')")
    expect(eq.sees(eq.owner)).toBe(false)
  })

  test('ref follows many-links and reverse links, values end the path', () => {
    const w = world("size(data.ref('tags.name')) == 2 && 'math' in data.ref('tags.name')")
    expect(w.sees(null)).toBe(true)
    const rev = world(
      "'joe@instantdb.com' in data.ref('owner.email') && data.ref('tags.docs.id').size() == 2",
    )
    expect(rev.sees(null)).toBe(true)
  })

  test("auth.ref('$user.roles.type') reads the signed-in user's links; signed out it is []", () => {
    const w = world("'admin' in auth.ref('$user.roles.type')")
    expect([w.sees(w.owner), w.sees(w.other), w.sees(null)]).toEqual([true, false, false])
  })

  test('auth carries the $users fields', () => {
    const w = world("auth.email == 'joe@instantdb.com' && auth.handle == 'joe'")
    expect([w.sees(w.owner), w.sees(w.other)]).toEqual([true, false])
  })

  test('a missing key reads as null, not as an error; reading through that null denies', () => {
    expect(world('data.nope == null && auth.nope == null && ruleParams.x == null').sees(null)).toBe(true)
    expect(world('data.meta.level == 2 && data.meta.other == null').sees(null)).toBe(true)
    expect(world('data.nope.deeper == null').sees(null)).toBe(false)
  })

  test('json numbers compare with ints and doubles; lists support in, size, all, exists', () => {
    expect(world('data.n == 1 && data.n < 1.5 && data.n + 1 == 2').sees(null)).toBe(true)
    const macros =
      "'a' in data.labels && size(data.labels) == 2 && data.labels.all(x, x.size() == 1) && data.labels.exists(x, x == 'b')"
    expect(world(macros).sees(null)).toBe(true)
  })

  test('string functions: startsWith, endsWith, contains, matches, lowerAscii', () => {
    const rule =
      "data.title.startsWith('Br') && data.title.endsWith('ch') && data.title.contains('ru') && data.title.matches('^B.*h$') && data.title.lowerAscii() == 'bruch'"
    expect(world(rule).sees(null)).toBe(true)
  })

  test('ruleParams from a query: a known id, or one of a list', () => {
    const w = world('data.id == ruleParams.knownDocId')
    expect([w.sees(null, { knownDocId: w.doc }), w.sees(null, { knownDocId: 'x' }), w.sees(null)]).toEqual([
      true,
      false,
      false,
    ])
    const list = world('data.id in ruleParams.knownDocIds')
    expect(list.sees(null, { knownDocIds: ['x', list.doc] })).toBe(true)
  })

  test('request.time is a timestamp; origin and ip read as null here', () => {
    expect(
      world("request.time > timestamp('2020-01-01T00:00:00Z') && request.origin == null").sees(null),
    ).toBe(true)
  })

  test('an evaluation error denies; any result other than false or null passes (upstream truthiness)', () => {
    expect(world('size(data.nope) == 0').sees(null)).toBe(false)
    expect(world('data.title').sees(null)).toBe(true)
    expect(world('data.nope').sees(null)).toBe(false)
  })
})

describe('bind', () => {
  test('binds alias logic, may use each other, and $default binds are visible to every namespace', () => {
    const extra = {
      bind: {
        isOwner: "auth.id != null && auth.id in data.ref('owner.id')",
        ownerOrAdmin: 'isOwner || isAdmin',
      },
    }
    const rules = {
      $default: { bind: ['isAdmin', "'admin' in auth.ref('$user.roles.type')"] },
      docs: { allow: { view: 'ownerOrAdmin' }, ...extra },
    }
    const f = new PermsFixture(schema, rules)
    const u = f.user()
    const doc = crypto.randomUUID()
    f.transact([...f.put('docs', doc, { title: 'x' }), f.link('docs', doc, 'owner', u.id)], null, true)
    expect([f.canView(u, 'docs', doc), f.canView(f.user(), 'docs', doc)]).toEqual([true, false])
  })

  test('a cyclic bind and an unparsable rule are errors naming the rule', () => {
    expect(() => world('a', { bind: { a: 'b', b: 'a' } })).toThrow(/docs\.allow\.view: .*cyclic dependency/)
    expect(() => world('auth.id ==')).toThrow(/^docs\.allow\.view: /)
    expect(() => world('isOwner', { bind: { isOwner: 'auth.id ==' } })).toThrow(
      /^docs\.allow\.view: bind isOwner: /,
    )
  })

  test('auth.ref paths must start with $user., as upstream validates', () => {
    expect(() => world("'admin' in auth.ref('roles.type')")).toThrow(/docs\.allow\.view/)
  })
})

describe('newData, fields and validation', () => {
  test('newData is the entity after the update; it is not defined in view rules', () => {
    const f = new PermsFixture(schema, { docs: { allow: { update: 'newData.title == data.title + "!"' } } })
    const doc = crypto.randomUUID()
    f.transact(f.put('docs', doc, { title: 'a' }), null)
    expect(rejection(() => f.transact(f.put('docs', doc, { title: 'a!' }), null))).toBeUndefined()
    expect(rejection(() => f.transact(f.put('docs', doc, { title: 'b' }), null))?.type).toBe(
      'permission-denied',
    )
    expect(() => world('newData.title == null')).toThrow(/docs\.allow\.view: .*newData/)
  })

  test('request.modifiedFields lists the labels an update sets (id excluded)', () => {
    const rules = { docs: { allow: { update: "request.modifiedFields.all(f, f in ['n'])" } } }
    const f = new PermsFixture(schema, rules)
    const doc = crypto.randomUUID()
    f.transact(f.put('docs', doc, { title: 'a', n: 1 }), null)
    expect(rejection(() => f.transact(f.put('docs', doc, { n: 2 }), null))).toBeUndefined()
    expect(rejection(() => f.transact(f.put('docs', doc, { n: 3, title: 'b' }), null))?.type).toBe(
      'permission-denied',
    )
  })

  test('rule checks from upstream validation: $users delete must be false, fields.id is not allowed', () => {
    expect(() => new PermsFixture(schema, { $users: { allow: { delete: 'true' } } })).toThrow(
      /\$users\.allow\.delete/,
    )
    expect(() => new PermsFixture(schema, { docs: { allow: {}, fields: { id: 'true' } } })).toThrow(
      /fields\.id/,
    )
    expect(() => new PermsFixture(schema, { $magic: { allow: { view: 'true' } } })).toThrow(/reserved/)
  })
})
