// The library's queries and light writes: the teacher's materials filtered by kind, subject and
// grade, searched in title and body, favourites only, ordered by last change or last use — paged,
// live and owner-filtered in the query itself; plus favourite and "used" marks.

import { useMemo } from 'react'
import { dedupeById } from '../lib/dedupe-by-id.ts'
import { ARTIFACT_PAGE_SIZE, type Artifact } from './artifacts.ts'
import { db } from './db.ts'
import { type LibraryFilter, libraryOrder, libraryWhere } from './library-filter.ts'
import { quietly } from './pending-writes.ts'

export * from './library-filter.ts'

/** A library row: the artifact and the chat it came from (by its own link or its message's). */
export type LibraryArtifact = Artifact & { conversationId: string | undefined }

/**
 * The teacher's materials matching `filter`, page by page with cursors. Live: a new, changed,
 * opened or starred material moves into place in every tab and device.
 */
export function useLibrary(ownerId: string, filter: LibraryFilter) {
  const res = db.useInfiniteQuery({
    artifacts: {
      $: {
        // Widened on purpose: the client's query types cannot express an `or` that is only
        // sometimes there; the server validates the real clause.
        where: libraryWhere(ownerId, filter) as { 'owner.id': string },
        order: libraryOrder(filter.sort),
        limit: ARTIFACT_PAGE_SIZE,
      },
      conversation: { $: { fields: ['id'] } },
      message: { $: { fields: ['id'] }, conversation: { $: { fields: ['id'] } } },
    },
  })
  const rows = res.data?.artifacts
  // An artifact moving between page chunks can briefly sit in two of them.
  const artifacts = useMemo<LibraryArtifact[]>(
    () =>
      dedupeById(rows ?? []).map((row) => ({
        ...row,
        conversationId: row.conversation?.id ?? row.message?.conversation?.id,
      })),
    [rows],
  )
  return {
    artifacts,
    isLoading: res.isLoading,
    error: res.error,
    hasMore: res.canLoadNextPage,
    loadMore: res.loadNextPage,
  }
}

/** Stars or unstars a material. Applied locally at once (and queued offline); rejects when refused. */
export function setArtifactFavorite(artifactId: string, favorite: boolean) {
  return db.transact(db.tx.artifacts[artifactId]!.update({ favorite }))
}

/**
 * Records that the teacher opened the material now, for the "recently used" order. A light
 * update of `usedAt` only: `updatedAt` stays the last change of the material itself.
 */
export function markArtifactUsed(artifactId: string, at = Date.now()) {
  // Not a change the teacher made: offline it is not counted among the waiting ones.
  return quietly(db.transact(db.tx.artifacts[artifactId]!.update({ usedAt: at })))
}

/** The kind and language of one material, for its print and export actions. */
export function useArtifactPaperInfo(artifactId: string) {
  const res = db.useQuery({
    artifacts: { $: { where: { id: artifactId }, fields: ['kind', 'language'] } },
  })
  const row = res.data?.artifacts[0]
  return { kind: row?.kind, language: row?.language }
}
