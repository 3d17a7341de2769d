// What Instant itself still has to deliver: the pinned client's queue of pending mutations (kept in
// IndexedDB, resent in order on every reconnect), read as "waiting" writes for the header count and
// the per-item markers. The queue is the client's private state; it is read here only, never written.

import { useMemo, useSyncExternalStore } from 'react'
import { db } from './db.ts'
import { classifyWrite, type PendingMutation, type WaitingWrite } from './pending-write-kinds.ts'

export type { WaitingWrite, WriteKind } from './pending-write-kinds.ts'

type MutationMap = Map<string, PendingMutation>

/** The parts of @instantdb/core 1.0.67's Reactor this module reads (see Reactor.js: pushOps, kv). */
interface ReactorView {
  status: string
  kv: {
    currentValue: { pendingMutations?: MutationMap }
    subscribe(cb: () => void): () => void
    waitForKeyToLoad(key: string): Promise<unknown>
  }
  querySubs: { currentValue: Record<string, { result?: { attrsStore?: AttrsView } } | undefined> }
  optimisticAttrs(): AttrsView
}

type Attr = { 'forward-identity'?: [string, string, string] }
type AttrsView = { getAttr(id: string): Attr | undefined }

const reactor = (db.core as unknown as { _reactor: ReactorView })._reactor
const NO_MUTATIONS: MutationMap = new Map()

// When the socket last became authenticated. A write made before it and not yet acknowledged waits
// for this connection to deliver it; one made after it is merely in flight (milliseconds online).
let status = reactor.status
let connectedAt = status === 'authenticated' ? Date.now() : Number.POSITIVE_INFINITY
db.core.subscribeConnectionStatus((next) => {
  status = next
  if (next === 'authenticated') connectedAt = Date.now()
})

// One derived list for all readers, rebuilt only after the queue or the connection changed.
let cached: WaitingWrite[] = []
let isStale = true

const listeners = new Set<() => void>()

function subscribe(onChange: () => void) {
  const changed = () => {
    isStale = true
    onChange()
  }
  listeners.add(changed)
  const unsubscribeKv = reactor.kv.subscribe(changed)
  const unsubscribeStatus = db.core.subscribeConnectionStatus(changed)
  // A reload reads the queue from IndexedDB without telling the kv subscribers.
  reactor.kv.waitForKeyToLoad('pendingMutations').then(changed, changed)
  return () => {
    listeners.delete(changed)
    unsubscribeKv()
    unsubscribeStatus()
  }
}

// Bookkeeping writes the teacher did not make (a material's "last used" time): delivered like any
// other, but not counted as a waiting change. Kept across reloads, as the queue itself is.
const QUIET_KEY = 'eduhu.quiet-writes'
const quiet = new Set<string>(readQuiet())

function readQuiet(): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(QUIET_KEY) ?? '[]')
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

function saveQuiet() {
  try {
    localStorage.setItem(QUIET_KEY, JSON.stringify([...quiet]))
  } catch {
    // Storage full or blocked: the write is then merely counted.
  }
}

/** Leaves a bookkeeping write out of the waiting count (it is still delivered by Instant). */
export function quietly<T extends { status: string; eventId?: string }>(saved: Promise<T>): Promise<T> {
  return saved.then((result) => {
    if (result.status === 'enqueued' && result.eventId) {
      quiet.add(result.eventId)
      saveQuiet()
      isStale = true
      for (const listener of listeners) listener()
    }
    return result
  })
}

function entityOf(attrId: string): { etype: string; label: string } | undefined {
  let attr: Attr | undefined
  try {
    attr = reactor.optimisticAttrs().getAttr(attrId)
  } catch {
    // No attributes from the server yet (a reload without a connection).
  }
  // Offline after a reload the client knows attributes only from the cached query results.
  for (const sub of Object.values(reactor.querySubs.currentValue)) {
    if (attr) break
    attr = sub?.result?.attrsStore?.getAttr(attrId)
  }
  const identity = attr?.['forward-identity']
  return identity ? { etype: identity[1], label: identity[2] } : undefined
}

/** Writes not yet acknowledged by the server that wait for a connection, oldest first. */
export function readWaitingWrites(): WaitingWrite[] {
  const mutations = reactor.kv.currentValue.pendingMutations ?? NO_MUTATIONS
  const isConnected = status === 'authenticated'
  const out: WaitingWrite[] = []
  for (const [eventId, mutation] of mutations) {
    if (mutation['tx-id'] !== undefined || mutation.error || quiet.has(eventId)) continue
    if (isConnected && (mutation.created ?? 0) >= connectedAt) continue
    out.push(classifyWrite(eventId, mutation, entityOf))
  }
  return out.sort((a, b) => a.order - b.order)
}

// Quiet ids the queue no longer holds were delivered or refused: forget them once it has loaded.
reactor.kv.waitForKeyToLoad('pendingMutations').then(() => {
  const queued = reactor.kv.currentValue.pendingMutations ?? NO_MUTATIONS
  for (const id of quiet) if (!queued.has(id)) quiet.delete(id)
  saveQuiet()
})

function getSnapshot(): WaitingWrite[] {
  if (isStale) {
    const next = readWaitingWrites()
    isStale = false
    const same =
      next.length === cached.length &&
      next.every((w, i) => w.eventId === cached[i]?.eventId && w.kind === cached[i]?.kind)
    if (!same) cached = next
  }
  return cached
}

/** The waiting writes, live: after a reload too (the queue is persisted by Instant). */
export function useWaitingWrites(): WaitingWrite[] {
  return useSyncExternalStore(subscribe, getSnapshot)
}

/** Whether a write to this entity (a conversation, a profile …) waits for a connection. */
export function useIsWaiting(entityId: string | undefined): boolean {
  const writes = useWaitingWrites()
  return entityId !== undefined && writes.some((w) => w.entityIds.includes(entityId))
}

const MOVES = new Set(['pin', 'archive', 'other'])

/**
 * Entities of waiting writes that may move a chat between list sections (pins, archiving; and any
 * write not yet named, as the attributes may be unknown offline), in queue order, each once.
 */
export function useWaitingMoves(): string[] {
  const writes = useWaitingWrites()
  return useMemo(
    () => [...new Set(writes.filter((w) => MOVES.has(w.kind)).flatMap((w) => w.entityIds))],
    [writes],
  )
}
