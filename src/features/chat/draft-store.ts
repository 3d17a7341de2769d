// Unsent prompts per conversation, kept in localStorage so they survive reload, tab switches and
// going offline. UI state only; a draft is cleared after its prompt was handed over to onSend.

import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export interface Draft {
  text: string
  updatedAt: number
}

interface DraftState {
  drafts: Record<string, Draft>
  setDraft(conversationId: string, text: string): void
  /** Clears the draft only if it still holds `sentText`, so words typed while sending survive. */
  clearDraft(conversationId: string, sentText?: string): void
}

/** Enough for every chat a teacher is working on; the oldest drafts beyond it are dropped. */
export const MAX_DRAFTS = 100
export const DRAFT_STORAGE_KEY = 'eduhu.drafts'

function prune(drafts: Record<string, Draft>): Record<string, Draft> {
  const entries = Object.entries(drafts)
  if (entries.length <= MAX_DRAFTS) return drafts
  entries.sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
  return Object.fromEntries(entries.slice(0, MAX_DRAFTS))
}

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      setDraft: (conversationId, text) =>
        set(({ drafts }) => {
          if (!text) {
            const { [conversationId]: _gone, ...rest } = drafts
            return { drafts: rest }
          }
          return { drafts: prune({ ...drafts, [conversationId]: { text, updatedAt: Date.now() } }) }
        }),
      clearDraft: (conversationId, sentText) =>
        set(({ drafts }) => {
          const draft = drafts[conversationId]
          if (!draft || (sentText !== undefined && draft.text !== sentText)) return {}
          const { [conversationId]: _gone, ...rest } = drafts
          return { drafts: rest }
        }),
    }),
    {
      name: DRAFT_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ drafts }) => ({ drafts }),
    },
  ),
)

/** The draft text of one conversation ('' when there is none). */
export function useDraft(conversationId: string): string {
  return useDraftStore((s) => s.drafts[conversationId]?.text ?? '')
}

// Another tab wrote drafts: take them over, so two tabs never overwrite each other's newer text.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === DRAFT_STORAGE_KEY) void useDraftStore.persist.rehydrate()
  })
}
