// The visible outbox in the chat: prompts written while the server was unreachable, kept in
// localStorage so they show as "waiting" at once, after a reload, and in chats of any length. Instant
// itself queues and delivers the write (its pending mutations survive reloads); this only tracks and
// confirms it. The header's count reads Instant's queue directly (pending-writes.ts).
//
// Why our own list: the chat's message pages are cursor windows, and the client does not apply a
// queued message to a cursor window it has no server answer for, so in a long chat (or after a
// reload) the queued prompt would otherwise be invisible until the server is back.

import { useEffect, useMemo } from 'react'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { db } from './db.ts'

export interface OutboxEntry {
  /** The message's id: Instant delivers the same entity, so it is stored exactly once. */
  id: string
  conversationId: string
  text: string
  createdAt: number
}

interface OutboxState {
  entries: OutboxEntry[]
  add(entry: OutboxEntry): void
  remove(id: string): void
}

export const OUTBOX_STORAGE_KEY = 'eduhu.outbox'

export const useOutboxStore = create<OutboxState>()(
  persist(
    (set) => ({
      entries: [],
      add: (entry) =>
        set(({ entries }) => ({ entries: [...entries.filter((e) => e.id !== entry.id), entry] })),
      remove: (id) => set(({ entries }) => ({ entries: entries.filter((e) => e.id !== id) })),
    }),
    { name: OUTBOX_STORAGE_KEY, storage: createJSONStorage(() => localStorage) },
  ),
)

// Entries whose delivery this page is already waiting for (a confirmation in flight).
const watched = new Set<string>()

/**
 * Puts a just-sent prompt in the outbox when Instant only queued it: without a connection its
 * transact promise resolves at once with status 'enqueued' and never settles again.
 */
export async function trackOutbound(entry: OutboxEntry, saved: Promise<{ status: string }>) {
  const { status } = await saved
  if (status === 'enqueued') useOutboxStore.getState().add(entry)
}

function watch(id: string, saved: Promise<{ status: string }>) {
  watched.add(id)
  saved.then(
    ({ status }) => {
      watched.delete(id)
      // Queued again (the connection dropped meanwhile): the next connection confirms it.
      if (status !== 'enqueued') useOutboxStore.getState().remove(id)
    },
    () => {
      // Refused: Instant drops the write; the chat shows what the server holds.
      watched.delete(id)
      useOutboxStore.getState().remove(id)
    },
  )
}

/** The waiting prompts, all or of one conversation, oldest first. */
export function useOutbox(conversationId?: string) {
  const entries = useOutboxStore((s) => s.entries)
  return useMemo(
    () => (conversationId ? entries.filter((e) => e.conversationId === conversationId) : entries),
    [entries, conversationId],
  )
}

/**
 * Confirms waiting entries once the client is authenticated (mounted once, in the shell). Their
 * transact promise said only 'enqueued'; Instant resends the queued write itself on reconnect,
 * in order, before anything sent later. So a no-change update of the same message, sent now, is
 * acknowledged only after the queued write was stored. It cannot create a message: the rules want
 * a conversation and role 'user' for that, which this update does not carry.
 */
export function useOutboxConfirmation() {
  const status = db.useConnectionStatus()
  const entries = useOutboxStore((s) => s.entries)
  useEffect(() => {
    if (status !== 'authenticated') return
    for (const entry of entries) {
      if (watched.has(entry.id)) continue
      watch(entry.id, db.transact(db.tx.messages[entry.id]!.update({ text: entry.text })))
    }
  }, [status, entries])
}
