// Owner-only permission rules, enforced by the server (never by UI code). Global deny by default;
// clients may not create attrs; assistant messages are written by the server with the admin token.

import type { InstantRules } from '@instantdb/core'

const rules = {
  $default: { allow: { $default: 'false' } },
  attrs: { allow: { $default: 'false' } },
  $users: {
    allow: {
      view: 'auth.id != null && auth.id == data.id',
      // Sign-up (guest start and magic code): every teacher starts as a guest. Only this rule counts.
      create: 'true',
      update: 'false',
      delete: 'false',
    },
  },
  profiles: {
    bind: { isOwner: "auth.id != null && auth.id in data.ref('owner.id')" },
    allow: { view: 'isOwner', create: 'isOwner', update: 'isOwner', delete: 'isOwner' },
  },
  conversations: {
    bind: { isOwner: "auth.id != null && auth.id in data.ref('owner.id')" },
    allow: { view: 'isOwner', create: 'isOwner', update: 'isOwner', delete: 'isOwner' },
  },
  messages: {
    bind: { ownsConversation: "auth.id != null && auth.id in data.ref('conversation.owner.id')" },
    allow: {
      view: 'ownsConversation',
      create: "ownsConversation && data.role == 'user'",
      update: 'ownsConversation && newData.role == data.role',
      delete: 'ownsConversation',
    },
  },
  artifacts: {
    bind: { isOwner: "auth.id != null && auth.id in data.ref('owner.id')" },
    allow: { view: 'isOwner', create: 'isOwner', update: 'isOwner', delete: 'isOwner' },
  },
  artifactVersions: {
    bind: { ownsArtifact: "auth.id != null && auth.id in data.ref('artifact.owner.id')" },
    allow: { view: 'ownsArtifact', create: 'ownsArtifact', update: 'false', delete: 'ownsArtifact' },
  },
} satisfies InstantRules

export default rules
