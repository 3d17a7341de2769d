import { describe, expect, it } from 'vitest'
import { createOlderPageGate, isNearTop } from './older-pages.ts'

describe('createOlderPageGate', () => {
  it('requests one page per oldest message while the reader stays near the top', () => {
    const gate = createOlderPageGate()
    expect(gate({ hasOlder: true, wantsOlder: true, oldestId: 'm30' })).toBe(true)
    expect(gate({ hasOlder: true, wantsOlder: true, oldestId: 'm30' })).toBe(false)
    expect(gate({ hasOlder: true, wantsOlder: true, oldestId: 'm60' })).toBe(true)
  })

  it('does nothing when no older page exists or the reader is far from the top', () => {
    const gate = createOlderPageGate()
    expect(gate({ hasOlder: false, wantsOlder: true, oldestId: 'm30' })).toBe(false)
    expect(gate({ hasOlder: true, wantsOlder: false, oldestId: 'm30' })).toBe(false)
    expect(gate({ hasOlder: true, wantsOlder: true, oldestId: 'm30' })).toBe(true)
  })
})

describe('isNearTop', () => {
  it('is true within one viewport of the top', () => {
    expect(isNearTop(0, 700)).toBe(true)
    expect(isNearTop(699, 700)).toBe(true)
    expect(isNearTop(700, 700)).toBe(false)
  })

  it('uses at least 200 px on tiny viewports', () => {
    expect(isNearTop(150, 0)).toBe(true)
  })
})
