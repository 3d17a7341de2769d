import { describe, expect, it } from 'vitest'
import { formatDateTime, kindLabelKey, toIsoDate } from './artifact-labels.ts'

describe('kindLabelKey', () => {
  it('names the known kinds of material', () => {
    for (const kind of ['worksheet', 'lesson-plan', 'quiz', 'rubric', 'parent-letter']) {
      expect(kindLabelKey(kind), kind).toBe(`library.kind.${kind}`)
    }
  })

  it('returns null for any other kind, which is then shown as stored', () => {
    expect(kindLabelKey('mindmap')).toBeNull()
    expect(kindLabelKey('')).toBeNull()
    expect(kindLabelKey('<img src=x>')).toBeNull()
  })
})

describe('formatDateTime', () => {
  it('writes date and time in the given locale and reads ISO strings and epoch numbers alike', () => {
    const ms = new Date(2025, 4, 3, 10, 15).getTime()
    expect(formatDateTime(ms, 'de')).toBe('03.05.2025, 10:15')
    expect(formatDateTime(new Date(ms).toISOString(), 'de')).toBe('03.05.2025, 10:15')
    expect(formatDateTime(ms, 'en')).toMatch(/May 3, 2025/)
  })

  it('returns an empty string for a value that is no date', () => {
    expect(formatDateTime('kein Datum', 'de')).toBe('')
    expect(toIsoDate('kein Datum')).toBeUndefined()
  })
})
