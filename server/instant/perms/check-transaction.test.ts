// Transaction checks with owner-only rules like the project's: create after the write, update and
// delete before it, the link fallback (update + view), link rules, cascades, attrs, $users, admin.

import { randomUUID } from 'node:crypto'
import { i } from '@instantdb/core'
import { describe, expect, test } from 'vitest'
import { PermsFixture, rejection } from './test-fixture.ts'

const schema = i.schema({
  entities: {
    $users: i.entity({ email: i.string().unique().indexed().optional() }),
    conversations: i.entity({ title: i.string().optional() }),
    messages: i.entity({ role: i.string(), text: i.string().optional() }),
  },
  links: {
    conversationOwner: {
      forward: { on: 'conversations', has: 'one', label: 'owner', onDelete: 'cascade' },
      reverse: { on: '$users', has: 'many', label: 'conversations' },
    },
    messageConversation: {
      forward: { on: 'messages', has: 'one', label: 'conversation', onDelete: 'cascade' },
      reverse: { on: 'conversations', has: 'many', label: 'messages' },
    },
  },
})

const ownsConversation = "auth.id != null && auth.id in data.ref('conversation.owner.id')"
const RULES = {
  $default: { allow: { $default: 'false' } },
  attrs: { allow: { $default: 'false' } },
  $users: {
    allow: {
      view: 'auth.id != null && auth.id == data.id',
      create: 'false',
      update: 'false',
      delete: 'false',
    },
  },
  conversations: {
    bind: { isOwner: "auth.id != null && auth.id in data.ref('owner.id')" },
    allow: { view: 'isOwner', create: 'isOwner', update: 'isOwner', delete: 'isOwner' },
  },
  messages: {
    bind: { owns: ownsConversation },
    allow: {
      view: 'owns',
      create: "owns && data.role == 'user'",
      update: 'owns && newData.role == data.role',
      delete: 'false',
    },
  },
}

function setup(rules: unknown = RULES) {
  const f = new PermsFixture(schema, rules)
  const alice = f.user({ email: 'alice@example.com' })
  const bob = f.user({ email: 'bob@example.com' })
  const conversation = (owner: { id: string }) => {
    const id = randomUUID()
    f.transact(
      [...f.put('conversations', id, { title: 't' }), f.link('conversations', id, 'owner', owner.id)],
      null,
      true,
    )
    return id
  }
  const message = (conv: string, role = 'user') => {
    const id = randomUUID()
    f.transact(
      [...f.put('messages', id, { role, text: 'x' }), f.link('messages', id, 'conversation', conv)],
      null,
      true,
    )
    return id
  }
  return { f, alice, bob, conversation, message }
}

const denied = { type: 'permission-denied', message: 'Permission denied: not perms-pass?' }

describe('create, update, delete', () => {
  test('create runs after the write: a link made in the same tx counts', () => {
    const { f, alice, bob } = setup()
    const id = randomUUID()
    const steps = [
      ...f.put('conversations', id, { title: 'a' }),
      f.link('conversations', id, 'owner', alice.id),
    ]
    // Pre-checks run first: bob may not even see alice's $users row, the link's other end.
    expect(rejection(() => f.transact(steps, bob))).toMatchObject({
      ...denied,
      hint: { input: ['$users', 'object'], expected: 'perms-pass?' },
    })
    expect(rejection(() => f.transact(f.put('conversations', randomUUID()), alice))).toMatchObject({
      ...denied,
      hint: { input: ['conversations', 'object'], expected: 'perms-pass?' },
    })
    expect(rejection(() => f.transact(steps, alice))).toBeUndefined()
    expect(f.canView(alice, 'conversations', id)).toBe(true)
  })

  test('a rejected tx leaves nothing behind', () => {
    const { f, alice, bob } = setup()
    const id = randomUUID()
    rejection(() =>
      f.transact([...f.put('conversations', id), f.link('conversations', id, 'owner', alice.id)], bob),
    )
    expect(f.store.triplesOf(id)).toEqual([])
  })

  test('update reads data before and newData after; only the owner passes', () => {
    const { f, alice, bob, conversation, message } = setup()
    const m = message(conversation(alice))
    expect(rejection(() => f.transact(f.put('messages', m, { text: 'edit' }), alice))).toBeUndefined()
    expect(rejection(() => f.transact(f.put('messages', m, { text: 'hack' }), bob))).toMatchObject(denied)
    expect(rejection(() => f.transact(f.put('messages', m, { role: 'assistant' }), alice))).toMatchObject(
      denied,
    )
    expect(
      rejection(() => f.transact(f.put('messages', randomUUID(), { role: 'assistant' }), null)),
    ).toMatchObject(denied)
  })

  test('delete reads the entity before; cascaded deletes are not checked (as upstream)', () => {
    const { f, alice, bob, conversation, message } = setup()
    const c = conversation(alice)
    const m = message(c)
    expect(rejection(() => f.transact([['delete-entity', c, 'conversations']], bob))).toMatchObject(denied)
    expect(rejection(() => f.transact([['delete-entity', m, 'messages']], alice))).toMatchObject(denied)
    expect(rejection(() => f.transact([['delete-entity', c, 'conversations']], alice))).toBeUndefined()
    expect(f.store.hasEntity('messages', m)).toBe(false)
  })

  test('admin writes skip every rule', () => {
    const { f, bob, conversation } = setup()
    const c = conversation(bob)
    expect(rejection(() => f.transact([['delete-entity', c, 'conversations']], null, true))).toBeUndefined()
  })
})

describe('links', () => {
  test('without link rules: update on the linking entity and view on the linked one', () => {
    const { f, alice, bob, conversation, message } = setup()
    const mine = conversation(alice)
    const other = conversation(alice)
    const bobs = conversation(bob)
    const m = message(mine)
    expect(rejection(() => f.transact([f.link('messages', m, 'conversation', bobs)], alice))).toMatchObject(
      denied,
    )
    expect(rejection(() => f.transact([f.link('messages', m, 'conversation', other)], alice))).toBeUndefined()
    const fresh = randomUUID()
    const steal = [
      ...f.put('messages', fresh, { role: 'user' }),
      f.link('messages', fresh, 'conversation', bobs),
    ]
    expect(rejection(() => f.transact(steal, alice))).toMatchObject(denied)
  })

  test('linking to $users needs view on that $users row', () => {
    const { f, alice, bob } = setup()
    const id = randomUUID()
    const steps = [...f.put('conversations', id), f.link('conversations', id, 'owner', alice.id)]
    const noUserView = { ...RULES, $users: { allow: { create: 'false' } } }
    expect(rejection(() => new PermsFixture(schema, noUserView).transact(steps, alice))).toBeDefined()
    expect(rejection(() => f.transact(steps, bob))).toMatchObject(denied)
  })

  test('unlink: update on the entity holding the link and view on the other end', () => {
    const { f, alice, bob, conversation, message } = setup()
    const c = conversation(alice)
    const m = message(c)
    expect(rejection(() => f.transact([f.unlink('messages', m, 'conversation', c)], bob))).toMatchObject(
      denied,
    )
    expect(rejection(() => f.transact([f.unlink('messages', m, 'conversation', c)], alice))).toBeUndefined()
  })

  test('allow.link.<label> replaces the fallback, from either side', () => {
    const rules = {
      ...RULES,
      messages: { ...RULES.messages, allow: { ...RULES.messages.allow, link: { conversation: 'false' } } },
    }
    const { f, alice, conversation, message } = setup(rules)
    const m = message(conversation(alice))
    expect(
      rejection(() => f.transact([f.link('messages', m, 'conversation', conversation(alice))], alice)),
    ).toMatchObject(denied)
    const open = {
      ...RULES,
      conversations: {
        ...RULES.conversations,
        allow: { ...RULES.conversations.allow, link: { messages: 'true' } },
      },
    }
    const o = setup(open)
    const bobs = o.conversation(o.bob)
    const fresh = randomUUID()
    const steps = [
      ...o.f.put('messages', fresh, { role: 'user' }),
      o.f.link('messages', fresh, 'conversation', bobs),
    ]
    // The reverse side's link rule passes, but the new message's own create rule still applies.
    expect(rejection(() => o.f.transact(steps, o.alice))).toMatchObject(denied)
  })
})

describe('attrs, $users and ruleParams', () => {
  const newAttr = (label: string) => [
    'add-attr',
    {
      id: randomUUID(),
      'forward-identity': [randomUUID(), 'conversations', label],
      'value-type': 'blob',
      cardinality: 'one',
      'unique?': false,
      'index?': false,
    },
  ]

  test('add-attr needs attrs.allow.create ($default here); no rule allows it', () => {
    const { f, alice } = setup()
    expect(rejection(() => f.transact([newAttr('color')], alice))).toMatchObject({
      ...denied,
      hint: { input: ['attrs', 'attr'] },
    })
    expect(rejection(() => new PermsFixture(schema, {}).transact([newAttr('color')], null))).toBeUndefined()
  })

  test('$users rows cannot be created or deleted by transactions; updates follow $users.allow.update', () => {
    const { f, alice } = setup()
    const created = rejection(() => f.transact(f.put('$users', randomUUID()), alice))
    expect(created).toMatchObject({
      type: 'validation-failed',
      message: expect.stringMatching(/create this directly/),
    })
    const deleted = rejection(() => f.transact([['delete-entity', alice.id, '$users']], alice))
    expect(deleted).toMatchObject({
      type: 'validation-failed',
      message: expect.stringMatching(/delete this directly/),
    })
    expect(rejection(() => f.transact(f.put('$users', alice.id), alice))).toMatchObject(denied)
  })

  test('rule-params steps reach the rule as ruleParams', () => {
    const f = new PermsFixture(schema, {
      conversations: { allow: { update: 'data.id == ruleParams.knownId' } },
    })
    const c = randomUUID()
    f.transact(f.put('conversations', c, { title: 'a' }), null)
    const update = (knownId: string) => [
      ['rule-params', c, 'conversations', { knownId }],
      ...f.put('conversations', c, { title: 'b' }),
    ]
    expect(rejection(() => f.transact(update('nope'), null))).toMatchObject(denied)
    expect(rejection(() => f.transact(update(c), null))).toBeUndefined()
  })
})
