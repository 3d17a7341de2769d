import { describe, expect, it } from 'vitest'
import { chooseVersion, toChosenId, versionPosition } from './version-choice.ts'

const newestFirst = [{ id: 'v3' }, { id: 'v2' }, { id: 'v1' }]

describe('chooseVersion', () => {
  it('shows the latest version when none was chosen', () => {
    expect(chooseVersion(newestFirst, null)).toEqual({ shown: { id: 'v3' }, position: 3, count: 3 })
  })

  it('shows the chosen version with its position counted from the oldest', () => {
    expect(chooseVersion(newestFirst, 'v1')).toEqual({ shown: { id: 'v1' }, position: 1, count: 3 })
    expect(chooseVersion(newestFirst, 'v2').position).toBe(2)
  })

  it('falls back to the latest when the chosen version is gone', () => {
    expect(chooseVersion(newestFirst, 'deleted').shown).toEqual({ id: 'v3' })
  })

  it('follows a new latest version while none was chosen', () => {
    expect(chooseVersion([{ id: 'v4' }, ...newestFirst], null)).toMatchObject({
      shown: { id: 'v4' },
      count: 4,
    })
  })

  it('shows nothing for an artifact without versions', () => {
    expect(chooseVersion([], null)).toEqual({ shown: undefined, position: 0, count: 0 })
  })
})

describe('versionPosition', () => {
  it('counts from the oldest version in a newest-first list', () => {
    expect([0, 1, 2].map((i) => versionPosition(i, 3))).toEqual([3, 2, 1])
  })
})

describe('toChosenId', () => {
  it('remembers an older version and turns the latest into "follow the latest"', () => {
    expect(toChosenId(newestFirst, 'v2')).toBe('v2')
    expect(toChosenId(newestFirst, 'v3')).toBeNull()
  })
})
