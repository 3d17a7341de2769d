// Whether the chat list follows its end: it opens there, keeps following while its rows are measured,
// replies grow or the space below it shrinks, and stops only when someone else scrolls it up.

export interface ScrollReading {
  /** The list's scrollTop after the scroll. */
  top: number
  /** scrollHeight − scrollTop − clientHeight, read in the same event. */
  distanceToEnd: number
  /** The scroll landed where the list itself last scrolled to (a row correction, a scroll to the end). */
  isOwn: boolean
}

export interface EndFollow {
  onScroll(reading: ScrollReading): void
  /** After a resize of the list or its content: true when the list should scroll to its end now. */
  shouldScrollToEnd(distanceToEnd: number): boolean
  isFollowing(): boolean
}

export function createEndFollow(initialTop: number, thresholdPx: number): EndFollow {
  let following = true
  let lastTop = initialTop
  return {
    onScroll({ top, distanceToEnd, isOwn }) {
      if (distanceToEnd <= thresholdPx) following = true
      // The list's own corrections can move it up too (a row above measured smaller), and on a slow
      // phone the event that reports one can already see the list shorter (a notice appeared): the
      // distance is then large, yet no one left the end.
      else if (top < lastTop && !isOwn) following = false
      lastTop = top
    },
    shouldScrollToEnd(distanceToEnd) {
      return following && distanceToEnd > thresholdPx
    },
    isFollowing() {
      return following
    },
  }
}
