import { describe, expect, it } from 'vitest'
import { createEndFollow } from './end-follow.ts'

const THRESHOLD = 48

describe('createEndFollow', () => {
  it('keeps following when its own correction moves the list up in the frame the list got shorter', () => {
    // Recorded on a phone under load (long-chat "space below shrinks"): scrollTop, scrollHeight and
    // clientHeight at each event. At 11,047 a row correction moved the list up 24 px while the "no
    // assistant" notice took 228 px from it; the list then stayed short of its end.
    const follow = createEndFollow(0, THRESHOLD)
    follow.onScroll({ top: 6097, distanceToEnd: 9345 - 6097 - 359, isOwn: true })
    expect(follow.shouldScrollToEnd(9345 - 6097 - 359)).toBe(true)
    follow.onScroll({ top: 11071, distanceToEnd: 11430 - 11071 - 359, isOwn: true })
    follow.onScroll({ top: 11047, distanceToEnd: 11406 - 11047 - 131, isOwn: true })
    expect(follow.shouldScrollToEnd(11406 - 11047 - 131)).toBe(true)
  })

  it('stops following when the reader scrolls up, and follows again once back at the end', () => {
    const follow = createEndFollow(5000, THRESHOLD)
    follow.onScroll({ top: 5000, distanceToEnd: 0, isOwn: true })
    follow.onScroll({ top: 4200, distanceToEnd: 800, isOwn: false })
    expect(follow.isFollowing()).toBe(false)
    expect(follow.shouldScrollToEnd(900)).toBe(false)
    follow.onScroll({ top: 4990, distanceToEnd: 10, isOwn: false })
    expect(follow.isFollowing()).toBe(true)
  })

  it('reads a small move up near the end as still at the end', () => {
    const follow = createEndFollow(5000, THRESHOLD)
    follow.onScroll({ top: 4970, distanceToEnd: 30, isOwn: false })
    expect(follow.isFollowing()).toBe(true)
    expect(follow.shouldScrollToEnd(30)).toBe(false)
  })

  it('is not stopped by a move down away from the end (the content grew below)', () => {
    const follow = createEndFollow(5000, THRESHOLD)
    follow.onScroll({ top: 5100, distanceToEnd: 400, isOwn: false })
    expect(follow.shouldScrollToEnd(400)).toBe(true)
  })
})
