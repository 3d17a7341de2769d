// Owner-only permission rules, enforced by the server (never by UI code). Global deny by default;
// clients may not create attrs; assistant messages are written by the server with the admin token.
//
// The owner is the user a record is linked to, or the account that user's guest identity was merged
// into: a teacher who starts as a guest on a new device and then signs in to an existing account is
// linked by the server (guest.linkedPrimaryUser = account, which only the server can set, and only
// with both the guest's token and the account's e-mailed code). The app then moves those records to
// the account (src/data/guest-adoption.ts); until it has, the account may already see and move them.

import type { InstantRules } from '@instantdb/core'

/** `path` leads to the owning $users row: owned by auth, or by a guest merged into auth. */
const ownedVia = (path: string) =>
  `auth.id != null && (auth.id in data.ref('${path}.id') || auth.id in data.ref('${path}.linkedPrimaryUser.id'))`

const rules = {
  $default: { allow: { $default: 'false' } },
  attrs: { allow: { $default: 'false' } },
  $users: {
    allow: {
      // Upstream's default: the own row, and guest identities merged into it.
      view: 'auth.id != null && (auth.id == data.id || (data.linkedPrimaryUser != null && auth.id == data.linkedPrimaryUser))',
      // Sign-up (guest start and magic code): every teacher starts as a guest. Only this rule counts.
      create: 'true',
      update: 'false',
      delete: 'false',
    },
  },
  profiles: {
    bind: { isOwner: ownedVia('owner') },
    allow: { view: 'isOwner', create: 'isOwner', update: 'isOwner', delete: 'isOwner' },
  },
  conversations: {
    bind: { isOwner: ownedVia('owner') },
    allow: { view: 'isOwner', create: 'isOwner', update: 'isOwner', delete: 'isOwner' },
  },
  messages: {
    bind: { ownsConversation: ownedVia('conversation.owner') },
    allow: {
      view: 'ownsConversation',
      create: "ownsConversation && data.role == 'user'",
      update: 'ownsConversation && newData.role == data.role',
      delete: 'ownsConversation',
    },
  },
  artifacts: {
    bind: { isOwner: ownedVia('owner') },
    allow: { view: 'isOwner', create: 'isOwner', update: 'isOwner', delete: 'isOwner' },
  },
  artifactVersions: {
    bind: { ownsArtifact: ownedVia('artifact.owner') },
    allow: { view: 'ownsArtifact', create: 'ownsArtifact', update: 'false', delete: 'ownsArtifact' },
  },
  // Every signed-in teacher (guests too) may see whether an assistant is there; only the worker
  // writes, with the admin token.
  assistantWorkers: {
    allow: { view: 'auth.id != null', create: 'false', update: 'false', delete: 'false' },
  },
  // Instant Streams: a reply's live text streams as `reply:<owner user id>:<message id>`. Only the
  // worker opens streams (admin token); only the owner reads the stream of her reply.
  $streams: {
    allow: { create: 'false', view: "auth.id != null && data.clientId.startsWith('reply:' + auth.id + ':')" },
  },
  // Claims and leases between workers: admin token only.
  assistantClaims: {
    allow: { view: 'false', create: 'false', update: 'false', delete: 'false' },
  },
} satisfies InstantRules

export default rules
