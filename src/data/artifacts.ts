// Artifacts (the teacher's materials): the paged library list, one artifact with all its versions,
// and delete. Creating artifacts is the assistant worker's job; the server's rules make every row
// owner-only.

import type { InstaQLEntity } from '@instantdb/react'
import { useMemo } from 'react'
import type { AppSchema } from '../../instant.schema.ts'
import { dedupeById } from '../lib/dedupe-by-id.ts'
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

/**
 * One artifact and all of its versions, newest first, in one subscription. The versions are a
 * top-level query on their own (not nested under the artifact), so their order is the server's.
 * `artifact` is undefined while loading and when it does not exist or belongs to someone else;
 * `conversationId` is the chat its source message lives in, when that message is still there.
 */
export function useArtifact(artifactId: string) {
  const res = db.useQuery({
    artifacts: {
      $: { where: { id: artifactId } },
      message: { $: { fields: ['id'] }, conversation: { $: { fields: ['id'] } } },
    },
    artifactVersions: {
      $: { where: { 'artifact.id': artifactId }, order: { version: 'desc' } },
    },
  })
  const row = res.data?.artifacts[0]
  return {
    artifact: row,
    versions: res.data?.artifactVersions ?? NO_VERSIONS,
    conversationId: row?.message?.conversation?.id,
    isLoading: res.isLoading,
    error: res.error,
  }
}

const NO_VERSIONS: ArtifactVersion[] = []

/**
 * Deletes the artifact; the server cascades the delete to its versions. Applied locally at once
 * (and queued offline); settles when the server has it, rejects when it refused.
 */
export function deleteArtifact(artifactId: string) {
  return db.transact(db.tx.artifacts[artifactId]!.delete())
}
