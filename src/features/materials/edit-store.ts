// Hand edits of materials not yet saved, per material, kept in localStorage so a reload, a closed
// tab or an app update mid-edit loses nothing. UI state only; saving or cancelling clears it.

import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'

export interface KeptEdit {
  /** The version the edit started from: the editor comes back on it. */
  versionId: string
  body: string
  note: string
  updatedAt: number
}

interface EditState {
  edits: Record<string, KeptEdit>
  keepEdit(artifactId: string, edit: Omit<KeptEdit, 'updatedAt'>): void
  dropEdit(artifactId: string): void
}

/** Enough for every material a teacher edits at once; the oldest beyond it are dropped. */
export const MAX_KEPT_EDITS = 50
export const EDIT_STORAGE_KEY = 'eduhu.materialEdits'

function prune(edits: Record<string, KeptEdit>): Record<string, KeptEdit> {
  const entries = Object.entries(edits)
  if (entries.length <= MAX_KEPT_EDITS) return edits
  entries.sort(([, a], [, b]) => b.updatedAt - a.updatedAt)
  return Object.fromEntries(entries.slice(0, MAX_KEPT_EDITS))
}

export const useEditStore = create<EditState>()(
  persist(
    (set) => ({
      edits: {},
      keepEdit: (artifactId, edit) =>
        set(({ edits }) => ({
          edits: prune({ ...edits, [artifactId]: { ...edit, updatedAt: Date.now() } }),
        })),
      dropEdit: (artifactId) =>
        set(({ edits }) => {
          if (!edits[artifactId]) return {}
          const { [artifactId]: _gone, ...rest } = edits
          return { edits: rest }
        }),
    }),
    {
      name: EDIT_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ edits }) => ({ edits }),
    },
  ),
)

/** The kept edit of one material as it was when the view opened (read once, not subscribed). */
export function keptEdit(artifactId: string): KeptEdit | undefined {
  return useEditStore.getState().edits[artifactId]
}

export function dropKeptEdit(artifactId: string): void {
  useEditStore.getState().dropEdit(artifactId)
}
