// The paged live query of one conversation's messages, newest page first, as the chat view shows it:
// rows converted once into ChatMessage objects that keep their identity while unchanged.

import { useCallback, useEffect, useMemo, useRef } from 'react'
import { buildTree } from '../lib/message-tree.ts'
import { type MaterialDraft, parseDrafts } from '../materials/draft.ts'
import { db } from './db.ts'
import { keepUnchanged } from './keep-unchanged.ts'
import type { ChatMessage, MessageMaterial, MessageStatus } from './messages.ts'

export const MESSAGE_PAGE_SIZE = 30

interface MessageRow {
  id: string
  role: string
  text: string
  status: string
  createdAt: string | number
  updatedAt?: string | number | undefined
  error?: string | undefined
  model?: string | undefined
  limit?: string | undefined
  limitUntil?: string | number | undefined
  parent?: { id: string } | undefined
  materialDrafts?: unknown
  artifactVersions?: VersionRow[] | undefined
}

interface VersionRow {
  id: string
  version: number
  status?: string | undefined
  artifact?: { id: string; title: string; kind: string; level?: string | undefined } | undefined
}

function toMessageMaterials(rows: VersionRow[] | undefined): MessageMaterial[] {
  if (!rows?.length) return NO_MATERIALS
  const out: MessageMaterial[] = []
  for (const v of rows) {
    if (!v.artifact) continue
    const { id, title, kind, level } = v.artifact
    out.push({
      versionId: v.id,
      version: v.version,
      status: v.status ?? 'done',
      artifact: { id, title, kind, level },
    })
  }
  return out.sort((a, b) => a.version - b.version || a.artifact.title.localeCompare(b.artifact.title))
}

const NO_MATERIALS: MessageMaterial[] = []
const NO_DRAFTS: MaterialDraft[] = []

// Rows of frozen page chunks keep their identity between updates, so each converts once.
const converted = new WeakMap<MessageRow, ChatMessage>()

function toChatMessage(row: MessageRow): ChatMessage {
  let m = converted.get(row)
  if (!m) {
    m = {
      id: row.id,
      parentId: row.parent?.id ?? null,
      role: row.role === 'assistant' ? 'assistant' : 'user',
      status: row.status as MessageStatus,
      text: row.text,
      createdAt: new Date(row.createdAt).getTime(),
      updatedAt: row.updatedAt === undefined ? undefined : new Date(row.updatedAt).getTime(),
      error: row.error,
      model: row.model,
      limit: row.limit,
      limitUntil: row.limitUntil === undefined ? undefined : new Date(row.limitUntil).getTime(),
      drafts: row.materialDrafts ? parseDrafts(row.materialDrafts) : NO_DRAFTS,
      materials: toMessageMaterials(row.artifactVersions),
    }
    converted.set(row, m)
  }
  return m
}

/** The chat view's page query: the newest messages of one conversation with what their cards need. */
function newestPageQuery(conversationId: string) {
  return {
    messages: {
      $: {
        where: { 'conversation.id': conversationId },
        order: { createdAt: 'desc' as const },
        limit: MESSAGE_PAGE_SIZE,
      },
      parent: { $: { fields: ['id' as const] } },
      // The cards of the loaded window only: each reply's versions with their artifact's name.
      artifactVersions: {
        $: { fields: ['version' as const, 'status' as const] },
        artifact: { $: { fields: ['title' as const, 'kind' as const, 'level' as const] } },
      },
    },
  }
}

/**
 * The conversation's messages, newest page first: one top-level cursor query (never a nested
 * limit, never the whole history). `loadOlder` adds the next older page; every page stays live.
 *
 * Instant's infinite query shows a full first page only once a second query (the page again, from
 * its start cursor) has answered: from the server, or from the local cache after the first one.
 * Until then the chat shows that first query's own result. It is the same query (same hash), so
 * it costs no extra subscription, and a long chat opens as soon as a short one does.
 */
export function useMessagePages(conversationId: string) {
  const query = newestPageQuery(conversationId)
  const res = db.useInfiniteQuery(query)
  const pages = res.data?.messages
  // Empty while only the pages' watcher for newer messages has answered, not the page itself.
  const hasPages = pages !== undefined && pages.length > 0
  const first = db.useQuery(hasPages ? null : query)
  const rows = hasPages ? pages : first.data?.messages
  const kept = useRef(new Map<string, ChatMessage>())
  const tree = useMemo(() => {
    const messages = keepUnchanged(kept.current, (rows ?? []).map(toChatMessage))
    kept.current = new Map(messages.map((m) => [m.id, m]))
    return buildTree(messages)
  }, [rows])

  // An older page asked for before the pages exist is loaded as soon as they do.
  const wantsOlder = useRef(false)
  const { loadNextPage } = res
  useEffect(() => {
    if (hasPages && wantsOlder.current) {
      wantsOlder.current = false
      loadNextPage()
    }
  }, [hasPages, loadNextPage])
  const loadOlder = useCallback(() => {
    if (hasPages) loadNextPage()
    else wantsOlder.current = true
  }, [hasPages, loadNextPage])

  return {
    tree,
    isLoading: rows === undefined && !res.error && !first.error,
    error: res.error ?? first.error,
    hasOlder: hasPages ? res.canLoadNextPage : Boolean(first.pageInfo?.messages?.hasNextPage),
    loadOlder,
  }
}
