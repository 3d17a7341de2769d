// Artifacts (the teacher's materials): the paged library list, one artifact with all its versions
// and variants, a new version by hand (edit, restore), and delete. Creating artifacts is the
// assistant worker's job; the server's rules make every row owner-only and versions immutable.

import { type InstaQLEntity, id } from '@instantdb/react'
import { useMemo } from 'react'
import type { AppSchema } from '../../instant.schema.ts'
import { dedupeById } from '../lib/dedupe-by-id.ts'
import { type MaterialDraft, parseDrafts } from '../materials/draft.ts'
import { artifactLevelFields, levelVersionOf } from '../materials/reading-level.ts'
import { db } from './db.ts'

export type Artifact = InstaQLEntity<AppSchema, 'artifacts'>
export type ArtifactVersion = InstaQLEntity<AppSchema, 'artifactVersions'>

export const ARTIFACT_PAGE_SIZE = 30

/**
 * The teacher's artifacts, last changed first, loaded page by page with cursors (never the whole
 * table, never a nested limit). Live: a changed artifact moves to the top in every tab and device.
 */
export function useArtifactList(ownerId: string) {
  // The owner filter is part of the query, not left to the rules, so pages are never cut short
  // (same reasoning as the conversation list in conversations.ts).
  const res = db.useInfiniteQuery({
    artifacts: {
      $: { where: { 'owner.id': ownerId }, order: { updatedAt: 'desc' }, limit: ARTIFACT_PAGE_SIZE },
    },
  })
  const rows = res.data?.artifacts
  // An artifact moving between page chunks can briefly sit in two of them.
  const artifacts = useMemo(() => dedupeById(rows ?? []), [rows])
  return {
    artifacts,
    isLoading: res.isLoading,
    error: res.error,
    hasMore: res.canLoadNextPage,
    loadMore: res.loadNextPage,
  }
}

/** A variant or original as the material view lists it. */
export interface ArtifactRef {
  id: string
  title: string
  kind: string
  level?: string | undefined
  grade?: string | undefined
  language?: string | undefined
  /** The newest version's reading level and how it fits (instant.schema.ts). */
  readingGrade?: number | undefined
  levelFit?: string | undefined
}

const REF_FIELDS = ['id', 'title', 'kind', 'level', 'grade', 'language', 'readingGrade', 'levelFit'] as const

/**
 * One artifact, all of its versions (newest first), its variants and the original it is a variant
 * of, in one subscription. The versions are a top-level query on their own (not nested under the
 * artifact), so their order is the server's. `artifact` is undefined while loading and when it does
 * not exist or belongs to someone else; `conversationId` is the chat it belongs to (its own link,
 * else its source message's chat), while that chat is still there.
 */
export function useArtifact(artifactId: string) {
  const res = db.useQuery({
    artifacts: {
      $: { where: { id: artifactId } },
      conversation: { $: { fields: ['id'] }, activeMessage: { $: { fields: ['id', 'createdAt'] } } },
      message: {
        $: { fields: ['id'] },
        conversation: { $: { fields: ['id'] }, activeMessage: { $: { fields: ['id', 'createdAt'] } } },
      },
      variantOf: { $: { fields: [...REF_FIELDS] } },
      variants: { $: { fields: [...REF_FIELDS] } },
    },
    artifactVersions: {
      $: { where: { 'artifact.id': artifactId }, order: { version: 'desc' } },
    },
  })
  const row = res.data?.artifacts[0]
  const conversation = row?.conversation ?? row?.message?.conversation
  const leaf = conversation?.activeMessage
  return {
    artifact: row,
    versions: res.data?.artifactVersions ?? NO_VERSIONS,
    conversationId: conversation?.id,
    /** The chat's current leaf, under which a request about this material is sent. */
    chatLeaf: leaf ? { id: leaf.id, createdAt: new Date(leaf.createdAt).getTime() } : undefined,
    variantOf: row?.variantOf as ArtifactRef | undefined,
    variants: (row?.variants ?? NO_REFS) as ArtifactRef[],
    isLoading: res.isLoading,
    error: res.error,
  }
}

const NO_REFS: ArtifactRef[] = []
const NO_VERSIONS: ArtifactVersion[] = []

/**
 * Deletes the artifact; the server cascades the delete to its versions. Applied locally at once
 * (and queued offline); settles when the server has it, rejects when it refused.
 */
export function deleteArtifact(artifactId: string) {
  return db.transact(db.tx.artifacts[artifactId]!.delete())
}

export interface NewVersion {
  artifactId: string
  /** The new version's number: one past the highest the teacher's device knows of. */
  version: number
  body: string
  source: 'edit' | 'restore'
  /** What changed, in a few words, shown beside the version. */
  note: string
  /**
   * A restore carries the restored version's measured reading level and what the artifact stores of
   * it; a hand edit has none yet (the worker measures it, server/assistant/materials/level-backfill.ts),
   * so the artifact's level is cleared until then rather than show the old text's.
   */
  reading?: { readingLevel: unknown; fields: ReturnType<typeof artifactLevelFields> } | undefined
}

/**
 * Saves `body` as the artifact's next version (by hand or restored from an older one) and moves
 * the artifact's latestVersion and dates in the same transaction; older versions are never changed.
 * Applied locally at once (and queued offline); settles when the server has it, rejects when it
 * refused. Two devices saving at once may both write the same number; both versions are kept.
 */
export function addArtifactVersion({ artifactId, version, body, source, note, reading }: NewVersion) {
  const versionId = id()
  const now = Date.now()
  const levelVersion = reading ? levelVersionOf(reading.readingLevel) : undefined
  const saved = db.transact([
    db.tx.artifactVersions[versionId]!.update({
      version,
      format: 'markdown',
      body,
      status: 'done',
      source,
      note,
      createdAt: now,
      ...(reading ? { readingLevel: reading.readingLevel } : {}),
      ...(levelVersion !== undefined ? { readingLevelVersion: levelVersion } : {}),
    }).link({ artifact: artifactId }),
    db.tx.artifacts[artifactId]!.update({
      latestVersion: version,
      updatedAt: now,
      usedAt: now,
      ...(reading?.fields ?? artifactLevelFields(undefined)),
    }),
  ])
  return { id: versionId, saved }
}

/** Makes `conversationId` the artifact's chat (a request about it started a new one). */
export function linkArtifactToConversation(artifactId: string, conversationId: string) {
  return db.transact(db.tx.artifacts[artifactId]!.link({ conversation: conversationId }))
}

/**
 * The materials the model is writing right now in a chat (its streaming replies' drafts), so an
 * open material can show its next version grow. Only streaming replies are read, never the history.
 */
export function useStreamingDrafts(conversationId: string): MaterialDraft[] {
  const res = db.useQuery({
    messages: {
      $: {
        where: { 'conversation.id': conversationId, status: 'streaming' },
        fields: ['status', 'materialDrafts'],
      },
    },
  })
  const rows = res.data?.messages
  return useMemo(() => (rows ?? []).flatMap((m) => parseDrafts(m.materialDrafts)), [rows])
}
