// An update waits for a streaming reply first (it is the bigger loss), then for an unsent draft.

import { expect, it } from 'vitest'
import { updateHold } from './update-hold.ts'

it('holds an update while a reply streams or a draft is unsent, and only then', () => {
  expect(updateHold({ isStreaming: true, hasDraft: true })).toBe('streaming')
  expect(updateHold({ isStreaming: true, hasDraft: false })).toBe('streaming')
  expect(updateHold({ isStreaming: false, hasDraft: true })).toBe('draft')
  expect(updateHold({ isStreaming: false, hasDraft: false })).toBeNull()
})
