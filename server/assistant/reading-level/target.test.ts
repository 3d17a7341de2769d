import { describe, expect, test } from 'vitest'
import { measureReadingLevel, type ReadingLevel } from './measure.ts'
import {
  levelGap,
  levelGuidance,
  missesTarget,
  parseGrade,
  requestedGrade,
  targetGrade,
  targetLevelPrompt,
} from './target.ts'

function level(grade: number, extra: Partial<ReadingLevel> = {}): ReadingLevel {
  return {
    ...measureReadingLevel('', 'de'),
    grade,
    words: 120,
    wordsPerSentence: 16,
    longWordPercent: 38,
    ...extra,
  }
}

describe('parseGrade', () => {
  test.each([
    ['5', 5],
    ['Klasse 7', 7],
    ['5a', 5],
    ['7/8', 7.5],
    ['Jahrgang 9–10', 9.5],
    ['Q1', 12],
    ['EF', 11],
    ['Oberstufe', 12],
    ['Grundschule', 3],
    ['Year 6', 6],
  ])('reads %s as %d', (value, grade) => {
    expect(parseGrade(value)).toBe(grade)
  })

  test('gives null for nothing grade-like', () => {
    expect(parseGrade('Erwachsenenbildung')).toBeNull()
    expect(parseGrade(undefined)).toBeNull()
    expect(parseGrade(2024)).toBeNull()
  })
})

describe('requestedGrade', () => {
  test.each([
    ['Ein Arbeitsblatt zum Kürzen für Klasse 6', '6'],
    ['Quiz zur Französischen Revolution, 8. Klasse', '8'],
    ['Text für die Jahrgangsstufe 7/8', '7/8'],
    ['Aufgaben für die Q1 zum Thema Genetik', 'Q1'],
    ['A reading text for year 7', '7'],
    ['a worksheet for 5th grade', '5'],
  ])('finds the grade in "%s"', (text, grade) => {
    expect(requestedGrade(text)).toBe(grade)
  })

  test('ignores numbers that are no grade', () => {
    expect(requestedGrade('Mach 3 Aufgaben mit je 2 Teilaufgaben')).toBeUndefined()
    expect(requestedGrade('Klasse 47 gibt es nicht')).toBeUndefined()
  })
})

describe('targetGrade', () => {
  test("prefers the request's grade over the material's", () => {
    expect(targetGrade({ requested: 'Klasse 6', materialGrade: '8' })).toEqual({
      grade: 6,
      source: 'request',
      easierIsFine: false,
    })
  })

  test('moves the grade by the variant level', () => {
    expect(targetGrade({ materialGrade: '7', level: 'A' })?.grade).toBe(6)
    expect(targetGrade({ materialGrade: '7', level: 'C' })?.grade).toBe(8)
    expect(targetGrade({ materialGrade: '7', level: 'daz' })?.grade).toBe(5)
  })

  test('caps Leichte Sprache at grade 4, with or without a class grade', () => {
    expect(targetGrade({ materialGrade: '9', level: 'leichte-sprache' })).toEqual({
      grade: 4,
      source: 'material',
      easierIsFine: true,
    })
    expect(targetGrade({ level: 'leichte-sprache' })).toEqual({
      grade: 4,
      source: 'level',
      easierIsFine: true,
    })
  })

  test('is null when nothing names a grade', () => {
    expect(targetGrade({ materialGrade: null, level: 'B' })).toBeNull()
  })
})

describe('missesTarget', () => {
  const seven = { grade: 7, source: 'material' as const, easierIsFine: false }

  test('allows one grade either way', () => {
    expect(missesTarget(level(8), seven)).toBe(false)
    expect(missesTarget(level(6), seven)).toBe(false)
    expect(levelGap(level(8.2), seven)).toBe('too-hard')
    expect(levelGap(level(5.8), seven)).toBe('too-easy')
  })

  test('never judges a text too short to measure', () => {
    expect(missesTarget(level(12, { words: 20 }), seven)).toBe(false)
  })

  test('never calls a text too easy for a target under the WSTF floor of grade 4, nor for Leichte Sprache', () => {
    expect(missesTarget(level(1), { grade: 3, source: 'material', easierIsFine: false })).toBe(false)
    expect(missesTarget(level(1), { grade: 4, source: 'level', easierIsFine: true })).toBe(false)
    expect(levelGap(level(6), { grade: 4, source: 'level', easierIsFine: true })).toBe('too-hard')
  })
})

describe('levelGuidance', () => {
  test('names the measured level, the target and numbers to aim for when too hard', () => {
    const text = levelGuidance(level(9.4), { grade: 5, source: 'request', easierIsFine: false })
    expect(text).toContain('Klassenstufe 9,4')
    expect(text).toContain('Ziel ist Klasse 5')
    expect(text).toContain('jetzt im Schnitt 16 Wörter je Satz, Ziel höchstens etwa 10')
    expect(text).toContain('jetzt 38 % der Wörter mit mehr als sechs Buchstaben, Ziel höchstens etwa 24 %')
  })

  test('asks for longer, connected sentences when too easy', () => {
    const text = levelGuidance(level(4, { wordsPerSentence: 7, longWordPercent: 18 }), {
      grade: 9,
      source: 'material',
      easierIsFine: false,
    })
    expect(text).toContain('Längere, verbundene Sätze: jetzt im Schnitt 7 Wörter je Satz, Ziel etwa 14')
  })

  test('talks about syllables for English', () => {
    const en = measureReadingLevel('', 'en')
    const text = levelGuidance(
      { ...en, grade: 11, words: 100, wordsPerSentence: 20, syllablesPerWord: 1.7 },
      { grade: 6, source: 'material', easierIsFine: false },
    )
    expect(text).toContain('Flesch-Kincaid')
    expect(text).toContain('jetzt 1,7 Silben je Wort')
  })
})

describe('targetLevelPrompt', () => {
  test('states the grade and the measure up front', () => {
    const text = targetLevelPrompt({ grade: 6, source: 'material', easierIsFine: false }, 'de')
    expect(text).toMatch(/^Zielniveau: Klasse 6\. .*Wiener Sachtextformel.*etwa 11 Wörter je Satz.*26 %/)
  })
})
