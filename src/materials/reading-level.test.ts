import { describe, expect, it } from 'vitest'
import { artifactLevelFields, readLevel } from './reading-level.ts'

const level = (grade: number | null, words = 120, formula = 'wstf') => ({ v: 1, formula, grade, words })

describe('readLevel', () => {
  it('fits within one grade of the material’s grade, and says which way it misses beyond', () => {
    expect(readLevel(level(6.8), { grade: '6' })?.fit).toBe('fits')
    expect(readLevel(level(7.4), { grade: '6' })?.fit).toBe('too-hard')
    expect(readLevel(level(9), { grade: '10' })?.fit).toBe('fits')
    expect(readLevel(level(8.5), { grade: '10' })?.fit).toBe('too-easy')
  })

  it('aims a variant at its original’s grade moved by its level', () => {
    const reading = readLevel(level(4), { level: 'A', originalGrade: '7' })
    expect(reading?.target?.grade).toBe(6)
    expect(reading?.fit).toBe('too-easy')
    expect(readLevel(level(2), { level: 'leichte-sprache', originalGrade: '8' })?.fit).toBe('fits')
  })

  it('shows the grade but judges nothing without a target or with too little text', () => {
    expect(readLevel(level(7), {})).toMatchObject({ grade: 7, target: null, fit: undefined })
    expect(readLevel(level(12, 20), { grade: '5' })?.fit).toBeUndefined()
  })

  it('carries the formulas’ own values and drops anything that is not a number', () => {
    const stored = { ...level(6.2), wstf: 4.9, lix: 38.2, fleschAmstad: 68, fleschKincaid: 'x', extra: 1 }
    expect(readLevel(stored, { grade: '6' })?.scores).toEqual({ wstf: 4.9, lix: 38.2, fleschAmstad: 68 })
    expect(readLevel(level(6), { grade: '6' })?.scores).toEqual({})
  })

  it('is undefined for a missing, empty or odd stored level', () => {
    expect(readLevel(undefined, { grade: '6' })).toBeUndefined()
    expect(readLevel(level(null), { grade: '6' })).toBeUndefined()
    expect(readLevel('7', { grade: '6' })).toBeUndefined()
  })
})

describe('artifactLevelFields', () => {
  it('stores grade and fit, or nulls when unknown', () => {
    expect(artifactLevelFields(readLevel(level(7.4), { grade: '6' }))).toEqual({
      readingGrade: 7.4,
      levelFit: 'too-hard',
    })
    expect(artifactLevelFields(undefined)).toEqual({ readingGrade: null, levelFit: null })
  })
})
