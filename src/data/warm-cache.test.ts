import { describe, expect, it } from 'vitest'
import { DEFAULT_OFFLINE_CHATS, offlineChatCount } from './warm-cache.ts'

describe('offlineChatCount', () => {
  it('takes a whole number in range', () => {
    expect(offlineChatCount('5')).toBe(5)
    expect(offlineChatCount('0')).toBe(0)
    expect(offlineChatCount(' 40 ')).toBe(40)
  })
  it('falls back to the default for missing or bad values', () => {
    for (const raw of [undefined, '', 'abc', '-1', '2.5', '201']) {
      expect(offlineChatCount(raw)).toBe(DEFAULT_OFFLINE_CHATS)
    }
  })
})
