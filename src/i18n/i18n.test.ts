import { describe, expect, it } from 'vitest'
import { de } from './de.ts'
import { en } from './en.ts'
import { translate } from './index.ts'

describe('translations', () => {
  it('has the same keys in German and English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort())
    for (const [key, text] of [...Object.entries(de), ...Object.entries(en)])
      expect(text.trim(), key).not.toBe('')
  })

  it('speaks to the teacher informally in German', () => {
    const formal = Object.entries(de).filter(([, text]) => /\b(Sie|Ihre?[nmrs]?)\b/.test(text))
    expect(formal).toEqual([])
  })

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('de', 'home.title')).toBe('Willkommen bei eduhu.ki')
    expect(translate('en', 'home.title', { unused: 1 })).toBe('Welcome to eduhu.ki')
  })
})
