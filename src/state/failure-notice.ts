// "The last write that failed", for fire-and-forget actions whose screen may be gone when the server
// answers (list actions, deletes). UI state only: the Instant client rolls a refused write back.

import { create } from 'zustand'

interface FailureNoticeState<T> {
  error: T | null
  clear(): void
}

/** `describe` turns the failure into what the notice shows, at the moment it failed. */
export function createFailureNotice<T>(describe: (err: unknown) => T) {
  const useNotice = create<FailureNoticeState<T>>()((set) => ({
    error: null,
    clear: () => set({ error: null }),
  }))
  /** Watches a write and keeps its failure for the notice; never throws. */
  function report(write: Promise<unknown>, opts: { clearFirst?: boolean } = {}): void {
    if (opts.clearFirst) useNotice.getState().clear()
    write.catch((err: unknown) => useNotice.setState({ error: describe(err) }))
  }
  return { useNotice, report }
}
