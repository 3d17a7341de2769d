// When to ask for the next older page: the reader is near the top (or the current path is cut off
// above what is loaded) and no request for the same oldest message is still on its way. Pure.

export interface OlderPageState {
  hasOlder: boolean
  wantsOlder: boolean
  /** The oldest loaded message; it changes exactly when an older page arrived. */
  oldestId: string | undefined
}

/**
 * A gate that lets one request through per oldest message. New replies arriving at the bottom do
 * not reopen it, so one scroll never loads two pages (the client's loadNextPage is not idempotent).
 */
export function createOlderPageGate(): (state: OlderPageState) => boolean {
  let requestedFor: string | undefined | null = null
  return ({ hasOlder, wantsOlder, oldestId }) => {
    if (!hasOlder || !wantsOlder || requestedFor === oldestId) return false
    requestedFor = oldestId
    return true
  }
}

/** Near the top: less than one screen of content above the viewport. */
export function isNearTop(scrollOffset: number, viewportHeight: number): boolean {
  return scrollOffset < Math.max(viewportHeight, 200)
}
