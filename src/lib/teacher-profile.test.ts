import { describe, expect, it } from 'vitest'
import {
  addSubject,
  BUNDESLAENDER,
  findProfileIssues,
  isSameProfile,
  normalizeGrades,
  normalizeSubjects,
  normalizeTeacherProfile,
  readTeacherProfile,
  SCHOOL_TYPES,
} from './teacher-profile.ts'

const twenty = Array.from({ length: 20 }, (_, i) => `Fach ${i + 1}`)

describe('the value lists', () => {
  it('hold the 16 Länder plus Österreich, Schweiz, Südtirol and Anderes', () => {
    expect(BUNDESLAENDER).toHaveLength(20)
    expect(BUNDESLAENDER[0]).toBe('Baden-Württemberg')
    expect(BUNDESLAENDER.slice(15)).toEqual(['Thüringen', 'Österreich', 'Schweiz', 'Südtirol', 'Anderes'])
    expect(SCHOOL_TYPES).toContain('Oberschule/Sekundarschule')
    expect(SCHOOL_TYPES.at(-1)).toBe('Andere')
  })
})

describe('normalizeSubjects', () => {
  it('trims, collapses spaces and drops blanks', () => {
    expect(normalizeSubjects(['  Mathematik ', '', '   ', 'Deutsch  als   Zweitsprache'])).toEqual([
      'Mathematik',
      'Deutsch als Zweitsprache',
    ])
  })

  it('drops duplicates ignoring case and keeps the first spelling', () => {
    expect(normalizeSubjects(['Physik', 'physik', 'PHYSIK ', 'Ärztliche Kunde', 'ärztliche kunde'])).toEqual([
      'Physik',
      'Ärztliche Kunde',
    ])
  })
})

describe('normalizeGrades', () => {
  it('sorts numerically, not as text, and drops duplicates', () => {
    expect(normalizeGrades(['10', '5', '13', '1', '5', ' 7 '])).toEqual(['1', '5', '7', '10', '13'])
  })

  it('keeps values that are no grade at the end, for validation to name', () => {
    expect(normalizeGrades(['Q1', '3'])).toEqual(['3', 'Q1'])
  })
})

describe('normalizeTeacherProfile', () => {
  it('turns blank text into null (not set) and trims the rest', () => {
    expect(
      normalizeTeacherProfile({ displayName: '  Frau Berger ', bundesland: '', schoolType: '  ' }),
    ).toEqual({ displayName: 'Frau Berger', bundesland: null, schoolType: null })
  })

  it('leaves absent fields absent, so a partial save stays partial', () => {
    expect(normalizeTeacherProfile({ grades: ['9', '8'] })).toEqual({ grades: ['8', '9'] })
  })
})

describe('findProfileIssues', () => {
  it('accepts a complete valid profile and an empty one', () => {
    expect(
      findProfileIssues({
        displayName: 'x'.repeat(80),
        bundesland: 'Südtirol',
        schoolType: 'Gymnasium',
        subjects: twenty,
        grades: ['1', '13'],
      }),
    ).toEqual([])
    expect(findProfileIssues({})).toEqual([])
  })

  it('names a name longer than 80 characters with its length', () => {
    expect(findProfileIssues({ displayName: 'x'.repeat(81) })).toEqual([
      { field: 'displayName', kind: 'too-long', length: 81 },
    ])
  })

  it('rejects values outside the lists', () => {
    expect(findProfileIssues({ bundesland: 'Bavaria', schoolType: 'High school', grades: ['0'] })).toEqual([
      { field: 'bundesland', kind: 'unknown-value', value: 'Bavaria' },
      { field: 'schoolType', kind: 'unknown-value', value: 'High school' },
      { field: 'grades', kind: 'unknown-value', value: '0' },
    ])
  })

  it('rejects more than 20 subjects and a subject longer than 60 characters', () => {
    expect(findProfileIssues({ subjects: [...twenty, 'Fach 21'] })).toEqual([
      { field: 'subjects', kind: 'too-many', count: 21 },
    ])
    expect(findProfileIssues({ subjects: ['y'.repeat(61)] })).toEqual([
      { field: 'subjects', kind: 'too-long', subject: 'y'.repeat(61) },
    ])
  })
})

describe('addSubject', () => {
  it('appends the trimmed subject', () => {
    expect(addSubject(['Deutsch'], '  Kunst ')).toEqual({ subjects: ['Deutsch', 'Kunst'] })
  })

  it('says why a subject cannot be added', () => {
    expect(addSubject([], '   ')).toEqual({ issue: { field: 'subjects', kind: 'empty' } })
    expect(addSubject(['Mathematik'], 'mathematik')).toEqual({
      issue: { field: 'subjects', kind: 'duplicate', subject: 'Mathematik' },
    })
    expect(addSubject([], 'z'.repeat(61))).toEqual({
      issue: { field: 'subjects', kind: 'too-long', subject: 'z'.repeat(61) },
    })
    expect(addSubject(twenty, 'Noch eins')).toEqual({
      issue: { field: 'subjects', kind: 'too-many', count: 21 },
    })
  })
})

describe('readTeacherProfile', () => {
  it('reads a stored profile as contract values', () => {
    expect(
      readTeacherProfile({
        id: 'p1',
        displayName: 'Jonas',
        bundesland: 'Hessen',
        schoolType: 'Realschule',
        subjects: ['Sport', 'Musik'],
        grades: ['7', '5'],
      }),
    ).toEqual({
      displayName: 'Jonas',
      bundesland: 'Hessen',
      schoolType: 'Realschule',
      subjects: ['Sport', 'Musik'],
      grades: ['5', '7'],
    })
  })

  it('reads nothing, nulls and malformed json as "not set"', () => {
    const empty = { displayName: null, bundesland: null, schoolType: null, subjects: [], grades: [] }
    expect(readTeacherProfile(undefined)).toEqual(empty)
    expect(
      readTeacherProfile({
        displayName: null,
        bundesland: 'Atlantis',
        schoolType: 3,
        subjects: 'Mathe',
        grades: [5, '14'],
      }),
    ).toEqual(empty)
  })
})

describe('isSameProfile', () => {
  it('compares every field, subject order included', () => {
    const a = readTeacherProfile({ subjects: ['Deutsch', 'Kunst'], grades: ['3'] })
    expect(isSameProfile(a, readTeacherProfile({ subjects: ['Deutsch', 'Kunst'], grades: ['3'] }))).toBe(true)
    expect(isSameProfile(a, readTeacherProfile({ subjects: ['Kunst', 'Deutsch'], grades: ['3'] }))).toBe(
      false,
    )
    expect(isSameProfile(a, { ...a, displayName: 'Jonas' })).toBe(false)
  })
})
