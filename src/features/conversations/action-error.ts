// The last failed list action (rename, pin, archive, delete, new chat), shown once above the list.
// UI state only; a failed write is rolled back by the Instant client itself.

import { create } from 'zustand'
import type { MessageKey } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'

interface ActionErrorState {
  error: MessageKey | null
  clear(): void
}

export const useActionError = create<ActionErrorState>()((set) => ({
  error: null,
  clear: () => set({ error: null }),
}))

/** Runs a write and reports a failure to the list; never throws (fire-and-forget from handlers). */
export function reportFailure(write: Promise<unknown>): void {
  write.catch((err: unknown) => useActionError.setState({ error: toUserMessage(err) }))
}
