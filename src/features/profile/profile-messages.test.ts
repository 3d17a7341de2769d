import { describe, expect, it } from 'vitest'
import { translate } from '../../i18n/index.ts'
import { BUNDESLAENDER, type ProfileIssue, SCHOOL_TYPES } from '../../lib/teacher-profile.ts'
import { issueMessage, optionLabelKey } from './profile-messages.ts'

const german = (issue: ProfileIssue) => {
  const { key, params } = issueMessage(issue)
  return translate('de', key, params)
}

describe('issueMessage', () => {
  it('words every problem in German with its limit', () => {
    expect(german({ field: 'displayName', kind: 'too-long', length: 95 })).toBe(
      'Dein Name ist 95 Zeichen lang. Kürze ihn auf höchstens 80 Zeichen.',
    )
    expect(german({ field: 'subjects', kind: 'too-many', count: 21 })).toBe(
      'Du kannst höchstens 20 Fächer eintragen. Entferne zuerst eins.',
    )
    expect(german({ field: 'subjects', kind: 'too-long', subject: 'x' })).toBe(
      'Ein Fach darf höchstens 60 Zeichen lang sein.',
    )
    expect(german({ field: 'subjects', kind: 'duplicate', subject: 'Kunst' })).toBe(
      '„Kunst“ steht schon in deiner Liste.',
    )
    expect(german({ field: 'subjects', kind: 'empty' })).toBe('Tipp zuerst ein Fach ein.')
    expect(german({ field: 'bundesland', kind: 'unknown-value', value: 'Bavaria' })).toBe(
      'Wähl ein Bundesland aus der Liste.',
    )
    expect(german({ field: 'schoolType', kind: 'unknown-value', value: 'x' })).toBe(
      'Wähl eine Schulart aus der Liste.',
    )
    expect(german({ field: 'grades', kind: 'unknown-value', value: '0' })).toBe(
      'Wähl Klassenstufen von 1 bis 13.',
    )
  })
})

describe('optionLabelKey', () => {
  it('translates only the catch-all options; names stay as stored', () => {
    const translated = [...BUNDESLAENDER, ...SCHOOL_TYPES].filter((v) => optionLabelKey(v))
    expect(translated).toEqual(['Anderes', 'Andere'])
    expect(translate('en', optionLabelKey('Anderes')!)).toBe('Other')
  })
})
