import { describe, expect, it } from 'vitest'
import { byLevel, kindLabel, levelLabel, nextVersionAfter, sourceKey } from './material-labels.ts'

describe('material labels', () => {
  it('names kinds and levels in both languages and keeps unknown ids as stored', () => {
    expect(kindLabel('worksheet', 'de')).toBe('Arbeitsblatt')
    expect(kindLabel('worksheet', 'en')).toBe('Worksheet')
    expect(kindLabel('comic', 'de')).toBe('comic')
    expect(levelLabel('leichte-sprache', 'de')).toBe('Leichte Sprache')
    expect(levelLabel('Z', 'en')).toBe('Z')
  })

  it('orders variants as the levels are offered, unknown levels last', () => {
    const items = [{ level: 'daz' }, { level: 'C' }, { level: undefined }, { level: 'A' }]
    expect(byLevel(items).map((i) => i.level)).toEqual(['A', 'C', 'daz', undefined])
  })

  it('names who made a version, the assistant when unrecorded', () => {
    expect(sourceKey('edit')).toBe('material.source.edit')
    expect(sourceKey('restore')).toBe('material.source.restore')
    expect(sourceKey(undefined)).toBe('material.source.assistant')
  })

  it('numbers a new version one past the highest known, from the artifact or its versions', () => {
    expect(nextVersionAfter(undefined, [{ version: 1 }, { version: 2 }])).toBe(3)
    expect(nextVersionAfter(4, [{ version: 2 }])).toBe(5)
    expect(nextVersionAfter(undefined, [])).toBe(1)
  })
})
