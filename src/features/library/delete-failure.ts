// The last failed delete, shown once on the library page: the artifact view is gone by the time the
// server answers. UI state only; the Instant client itself rolls a refused write back.

import { create } from 'zustand'
import type { MessageKey } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'

interface DeleteFailureState {
  error: MessageKey | null
  clear(): void
}

export const useDeleteFailure = create<DeleteFailureState>()((set) => ({
  error: null,
  clear: () => set({ error: null }),
}))

/** Watches a delete and reports a failure to the library; never throws (fire-and-forget). */
export function reportDeleteFailure(write: Promise<unknown>): void {
  useDeleteFailure.getState().clear()
  write.catch((err: unknown) => useDeleteFailure.setState({ error: toUserMessage(err) }))
}
