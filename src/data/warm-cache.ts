// How many recent chats (and materials) stay warm in Instant's local cache for reading offline, and
// which of them have loaded. Instant caches a result per query shape, so the warm-up must subscribe
// with exactly the hooks the views use (features/offline/WarmCache.tsx does); this holds the numbers.

import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export const DEFAULT_OFFLINE_CHATS = 20
export const OFFLINE_MATERIALS = 10

/** N from VITE_OFFLINE_CHATS (a whole number 0–200), else the default. */
export function offlineChatCount(raw: string | undefined): number {
  const n = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw)
  return Number.isInteger(n) && n >= 0 && n <= 200 ? n : DEFAULT_OFFLINE_CHATS
}

export const OFFLINE_CHATS = offlineChatCount(import.meta.env.VITE_OFFLINE_CHATS)

interface WarmState {
  /** Conversations whose head and newest message page have loaded while online. */
  ready: Record<string, true>
  setReady(conversationId: string, isReady: boolean): void
  /** Forgets chats no longer among the recent ones (they may leave the cache). */
  keepOnly(conversationIds: string[]): void
}

// Persisted: offline, after a reload, the settings still say how many chats were warmed.
export const useWarmCache = create<WarmState>()(
  persist(
    (set) => ({
      ready: {},
      setReady: (conversationId, isReady) =>
        set(({ ready }) => {
          if (Boolean(ready[conversationId]) === isReady) return { ready }
          const next = { ...ready }
          if (isReady) next[conversationId] = true
          else delete next[conversationId]
          return { ready: next }
        }),
      keepOnly: (conversationIds) =>
        set(({ ready }) => {
          const keep = new Set(conversationIds)
          const gone = Object.keys(ready).filter((id) => !keep.has(id))
          if (gone.length === 0) return { ready }
          return {
            ready: Object.fromEntries(
              Object.keys(ready)
                .filter((id) => keep.has(id))
                .map((id) => [id, true]),
            ),
          }
        }),
    }),
    { name: 'eduhu.warm-cache', storage: createJSONStorage(() => localStorage) },
  ),
)

/** How many chats have loaded into the cache for reading offline. */
export function useOfflineChatCount() {
  return useWarmCache((s) => Object.keys(s.ready).length)
}
