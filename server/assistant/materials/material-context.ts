// What the worker knows about materials for one request: who owns the conversation, the materials
// already made in it (newest first, with their latest body) and, when the request was sent from a
// material's view, that material, only if it belongs to the same teacher. Reads only.

import { type MaterialIntent, parseIntent } from '../../../src/materials/intent.ts'
import type { AdminDb } from '../admin-db.ts'

/** Materials of one conversation offered to the model to revise; older ones are out of reach. */
const MATERIALS_WINDOW = 20

export interface KnownMaterial {
  id: string
  kind: string
  title: string
  level?: string | undefined
  /** For the reading-level target of a revision or variant. */
  grade?: string | undefined
  language?: string | undefined
  latestVersion: number
  body: string
}

export interface MaterialContext {
  ownerId: string | undefined
  materials: KnownMaterial[]
  /** The request's intent, when its artifact is the owner's. */
  intent?: MaterialIntent | undefined
  /** The intent's artifact (also listed in `materials`). */
  target?: KnownMaterial | undefined
}

interface ArtifactRow {
  id: string
  kind: string
  title: string
  level?: string | null | undefined
  grade?: string | null | undefined
  language?: string | null | undefined
  latestVersion?: number | null | undefined
}

/** Each artifact's newest version (by number, whatever `latestVersion` says). */
async function withBodies(db: AdminDb, rows: ArtifactRow[]): Promise<KnownMaterial[]> {
  if (!rows.length) return []
  const { artifactVersions } = await db.query({
    artifactVersions: {
      $: { where: { 'artifact.id': { $in: rows.map((r) => r.id) } }, fields: ['version', 'body'] },
      artifact: { $: { fields: ['id'] } },
    },
  })
  const newest = new Map<string, { version: number; body: string }>()
  for (const v of artifactVersions) {
    const artifactId = v.artifact?.id
    if (!artifactId) continue
    const seen = newest.get(artifactId)
    if (!seen || v.version > seen.version) newest.set(artifactId, { version: v.version, body: v.body })
  }
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    level: r.level ?? undefined,
    grade: r.grade ?? undefined,
    language: r.language ?? undefined,
    latestVersion: Math.max(r.latestVersion ?? 0, newest.get(r.id)?.version ?? 0),
    body: newest.get(r.id)?.body ?? '',
  }))
}

export async function loadMaterialContext(
  db: AdminDb,
  conversationId: string,
  rawIntent: unknown,
): Promise<MaterialContext> {
  const { conversations, artifacts } = await db.query({
    conversations: { $: { where: { id: conversationId } }, owner: { $: { fields: ['id'] } } },
    artifacts: {
      $: {
        where: { 'conversation.id': conversationId },
        order: { updatedAt: 'desc' },
        limit: MATERIALS_WINDOW,
        fields: ['kind', 'title', 'level', 'grade', 'language', 'latestVersion'],
      },
    },
  })
  const ownerId = conversations[0]?.owner?.id
  const rows: ArtifactRow[] = [...artifacts]
  let intent = parseIntent(rawIntent)
  if (intent && ownerId && !rows.some((r) => r.id === intent?.artifactId)) {
    // A material from another chat (the teacher opened it in the library): only if it is theirs.
    const { artifacts: target } = await db.query({
      artifacts: {
        $: {
          where: { id: intent.artifactId, 'owner.id': ownerId },
          fields: ['kind', 'title', 'level', 'grade', 'language', 'latestVersion'],
        },
      },
    })
    if (target[0]) rows.unshift(target[0])
    else intent = undefined
  }
  if (!ownerId) intent = undefined
  const materials = await withBodies(db, rows)
  const target = intent ? materials.find((m) => m.id === intent.artifactId) : undefined
  return { ownerId, materials, intent: target ? intent : undefined, target }
}
