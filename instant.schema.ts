// The eduhu.ki data model: teacher profiles, conversations, messages (a tree, so edits and
// regenerations keep every branch), artifacts and their versions. Read by the app, the local
// Instant server (attrs) and tests. Every ordered or range-filtered attribute is typed and indexed.

import { i } from '@instantdb/core'

const _schema = i.schema({
  entities: {
    $users: i.entity({
      email: i.string().unique().indexed().optional(),
    }),
    profiles: i.entity({
      displayName: i.string().optional(),
      bundesland: i.string().optional(),
      schoolType: i.string().optional(),
      subjects: i.json().optional(),
      grades: i.json().optional(),
      preferences: i.json().optional(),
      /**
       * Retention: chats untouched for this many days are deleted by the server's job (0 = off;
       * absent = the school's default, RETENTION_DAYS). server/stack/retention.ts.
       */
      retentionDays: i.number().optional(),
      /** Retention also deletes pinned chats (kept by default). */
      retentionIncludesPinned: i.boolean().optional(),
      /** Retention also deletes the materials made in those chats (kept by default). */
      retentionIncludesMaterials: i.boolean().optional(),
      createdAt: i.date().indexed(),
      updatedAt: i.date().indexed(),
    }),
    conversations: i.entity({
      title: i.string().indexed(),
      createdAt: i.date().indexed(),
      /** Last activity; the conversation list is ordered by it. */
      updatedAt: i.date().indexed(),
      pinned: i.boolean().indexed(),
      archived: i.boolean().indexed(),
    }),
    messages: i.entity({
      role: i.string().indexed(),
      text: i.string().indexed(),
      /** pending → streaming → done | error | stopped */
      status: i.string().indexed(),
      createdAt: i.date().indexed(),
      updatedAt: i.date().indexed().optional(),
      error: i.string().optional(),
      model: i.string().optional(),
      /**
       * A request about a material, sent from the material view: `{ type: 'revise', artifactId }` or
       * `{ type: 'variants', artifactId, levels: string[] }` (src/materials/intent.ts).
       */
      intent: i.json().optional(),
      /**
       * Materials the model is still writing into this reply, so the chat can show them grow:
       * `MaterialDraft[]` (src/materials/draft.ts). Cleared when the artifacts are written.
       */
      materialDrafts: i.json().optional(),
      /**
       * A limit the assistant applied (server/assistant/limits/): on a waiting request
       * 'rate-limit-minute' | 'rate-limit-day' (answered at `limitUntil`), on a reply 'reply-length'.
       */
      limit: i.string().optional(),
      limitUntil: i.date().optional(),
    }),
    artifacts: i.entity({
      kind: i.string().indexed(),
      title: i.string().indexed(),
      subject: i.string().indexed().optional(),
      grade: i.string().indexed().optional(),
      /** 'de' | 'en': the language the material is written in. */
      language: i.string().indexed().optional(),
      /** A variant's level: 'A' | 'B' | 'C' | 'daz' | 'leichte-sprache' (src/materials/levels.ts). */
      level: i.string().indexed().optional(),
      favorite: i.boolean().indexed().optional(),
      /** Last opened or changed; the library's "recently used" order. */
      usedAt: i.date().indexed().optional(),
      /** The newest version's number, so a card or list row needs no second query. */
      latestVersion: i.number().indexed().optional(),
      /** The newest version's measured reading grade (its readingLevel.grade), for the library row. */
      readingGrade: i.number().indexed().optional(),
      /**
       * How that level fits the class: 'fits' | 'too-hard' | 'too-easy' (src/materials/reading-level.ts);
       * absent when there is no grade to aim at or it is not measured yet. The library filters by it.
       */
      levelFit: i.string().indexed().optional(),
      createdAt: i.date().indexed(),
      updatedAt: i.date().indexed(),
    }),
    artifactVersions: i.entity({
      version: i.number().indexed(),
      format: i.string(),
      /** Indexed so the library can search bodies with `$ilike` in the query itself (src/data/library.ts). */
      body: i.string().indexed(),
      /** 'done' (also when absent) | 'stopped': the teacher stopped the model while it wrote it. */
      status: i.string().indexed().optional(),
      /** 'assistant' | 'edit' (by hand) | 'restore' (a copy of an older version). */
      source: i.string().indexed().optional(),
      /** What changed, in a few words ("Aufgabe 3 schwerer", "Wiederhergestellt aus Version 1"). */
      note: i.string().optional(),
      /** Measured reading level of the body (issue: materials at the right level). */
      readingLevel: i.json().optional(),
      /** The measurement's version (readingLevel.v), indexed so the worker finds older ones without a scan. */
      readingLevelVersion: i.number().indexed().optional(),
      createdAt: i.date().indexed(),
    }),
    /**
     * One running assistant worker's heartbeat (server/assistant/heartbeat.ts), so the app can say
     * whether prompts will be answered. Written only by the worker (admin token), read by teachers.
     */
    assistantWorkers: i.entity({
      /** The model's display name (never its URL or key). */
      model: i.string(),
      /** The model endpoint's host (and port), never its path, key or user: shown in the settings. */
      endpointHost: i.string().optional(),
      startedAt: i.date(),
      /** Refreshed every beat; older than `staleAfterMs` means the worker is gone. */
      beatAt: i.date().indexed(),
      staleAfterMs: i.number(),
      /** Set when the worker shut down on purpose. */
      stoppedAt: i.date().optional(),
      /** Whether the model's last reply worked; absent until one was written. */
      modelOk: i.boolean().optional(),
      /** The failure code of that reply when it did not (`message.error.*`). */
      modelError: i.string().optional(),
    }),
    /**
     * Who answers a request (server/assistant/claims.ts). `key` is unique, so when two workers claim
     * the same request, take over the same lapsed lease or finish the same reply, the database
     * rejects the second transaction. Written and read only by workers (admin token).
     */
    assistantClaims: i.entity({
      /** `<request>:<round>/<slot>`: slot 0 is the claim, each takeover or the finish the next slot. */
      key: i.string().unique().indexed(),
      /** 'held' (a worker is writing) | 'released' (handed back at shutdown) | 'taken' | 'done' */
      state: i.string().indexed(),
      /** The holder's id, so it never takes over its own lease. */
      worker: i.string(),
      /** Refreshed while held; a lease not renewed for `leaseMs` (on the observer's clock) has lapsed. */
      renewedAt: i.date().indexed(),
      leaseMs: i.number(),
      createdAt: i.date().indexed(),
    }),
  },
  links: {
    /** Instant's own link from a guest identity to the account it was merged into (only the server sets it). */
    $usersLinkedPrimaryUser: {
      forward: { on: '$users', has: 'one', label: 'linkedPrimaryUser', onDelete: 'cascade' },
      reverse: { on: '$users', has: 'many', label: 'linkedGuestUsers' },
    },
    profileOwner: {
      forward: { on: 'profiles', has: 'one', label: 'owner', onDelete: 'cascade' },
      reverse: { on: '$users', has: 'one', label: 'profile' },
    },
    conversationOwner: {
      forward: { on: 'conversations', has: 'one', label: 'owner', onDelete: 'cascade' },
      reverse: { on: '$users', has: 'many', label: 'conversations' },
    },
    conversationActiveMessage: {
      forward: { on: 'conversations', has: 'one', label: 'activeMessage' },
      reverse: { on: 'messages', has: 'many', label: 'activeIn' },
    },
    messageConversation: {
      forward: { on: 'messages', has: 'one', label: 'conversation', onDelete: 'cascade' },
      reverse: { on: 'conversations', has: 'many', label: 'messages' },
    },
    messageParent: {
      forward: { on: 'messages', has: 'one', label: 'parent' },
      reverse: { on: 'messages', has: 'many', label: 'children' },
    },
    artifactOwner: {
      forward: { on: 'artifacts', has: 'one', label: 'owner', onDelete: 'cascade' },
      reverse: { on: '$users', has: 'many', label: 'artifacts' },
    },
    artifactMessage: {
      forward: { on: 'artifacts', has: 'one', label: 'message' },
      reverse: { on: 'messages', has: 'many', label: 'artifacts' },
    },
    artifactConversation: {
      forward: { on: 'artifacts', has: 'one', label: 'conversation' },
      reverse: { on: 'conversations', has: 'many', label: 'artifacts' },
    },
    /** The reply that wrote a version (v1 and every revision made through the chat). */
    artifactVersionMessage: {
      forward: { on: 'artifactVersions', has: 'one', label: 'message' },
      reverse: { on: 'messages', has: 'many', label: 'artifactVersions' },
    },
    artifactVariantOf: {
      forward: { on: 'artifacts', has: 'one', label: 'variantOf' },
      reverse: { on: 'artifacts', has: 'many', label: 'variants' },
    },
    artifactVersionArtifact: {
      forward: { on: 'artifactVersions', has: 'one', label: 'artifact', onDelete: 'cascade' },
      reverse: { on: 'artifacts', has: 'many', label: 'versions' },
    },
    claimRequest: {
      forward: { on: 'assistantClaims', has: 'one', label: 'request' },
      reverse: { on: 'messages', has: 'many', label: 'claims' },
    },
    claimReply: {
      forward: { on: 'assistantClaims', has: 'one', label: 'reply' },
      reverse: { on: 'messages', has: 'many', label: 'replyClaims' },
    },
    /** Per-teacher rate limits count a teacher's claims (server/assistant/limits/). */
    claimOwner: {
      forward: { on: 'assistantClaims', has: 'one', label: 'owner', onDelete: 'cascade' },
      reverse: { on: '$users', has: 'many', label: 'assistantClaims' },
    },
  },
  rooms: {},
})

type _AppSchema = typeof _schema
interface AppSchema extends _AppSchema {}
const schema: AppSchema = _schema

export type { AppSchema }
export default schema
