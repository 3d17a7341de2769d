import { describe, expect, test } from 'vitest'
import { fleschAmstad, fleschKincaidGrade, fleschReadingEase, lix, wienerSachtextformel } from './formulas.ts'
import { measureReadingLevel } from './measure.ts'
import type { TextStats } from './text-stats.ts'

function stats(s: Partial<TextStats>): TextStats {
  return { sentences: 1, words: 1, syllables: 1, polysyllables: 0, monosyllables: 0, longWords: 0, ...s }
}

describe('Flesch–Kincaid grade (Kincaid et al. 1975)', () => {
  // Worked example in Wikipedia, "Flesch–Kincaid readability tests", section "Flesch–Kincaid grade
  // level": "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature" is an
  // 11.3, as it has 24 syllables and 13 words.
  test('gives 11.3 for the published platypus sentence (13 words, 24 syllables)', () => {
    expect(fleschKincaidGrade(stats({ words: 13, syllables: 24 }))).toBeCloseTo(11.3, 1)
  })

  test('measures the platypus sentence itself at 13 words, 24 syllables and grade 11.3', () => {
    const level = measureReadingLevel(
      'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.',
      'en',
    )
    expect(level).toMatchObject({ formula: 'fk', words: 13, sentences: 1, fleschKincaid: 11.3, grade: 11.3 })
  })

  // Same article: Green Eggs and Ham averages 5.7 words per sentence and 1.02 syllables per word,
  // grade −1.3; the lowest possible grade (one one-syllable word per sentence) is −3.40.
  test('gives −1.3 for Green Eggs and Ham (5.7 words per sentence, 1.02 syllables per word)', () => {
    expect(fleschKincaidGrade(stats({ sentences: 100, words: 570, syllables: 581.4 }))).toBeCloseTo(-1.3, 1)
  })

  test('bottoms out at −3.40', () => {
    expect(fleschKincaidGrade(stats({}))).toBeCloseTo(-3.4, 2)
  })
})

describe('Flesch Reading Ease (Flesch 1948) and its German form (Amstad 1978)', () => {
  // Wikipedia, same article: the highest possible reading ease is 121.22 (one one-syllable word per sentence).
  test('English reading ease tops out at 121.22', () => {
    expect(fleschReadingEase(stats({}))).toBeCloseTo(121.22, 2)
  })

  // Amstad: FRE = 180 − ASL − 58.5 · ASW (de.wikipedia, "Lesbarkeitsindex"). Worked by hand:
  // 20 words, 2 sentences, 34 syllables → 180 − 10 − 58.5 · 1.7 = 70.55.
  test('German reading ease is 180 − ASL − 58.5·ASW', () => {
    expect(fleschAmstad(stats({ sentences: 2, words: 20, syllables: 34 }))).toBeCloseTo(70.55, 2)
  })
})

describe('Wiener Sachtextformel, first form (Bamberger & Vanecek 1984)', () => {
  // Coefficients as quoted in de.wikipedia, "Lesbarkeitsindex": 0.1935·MS + 0.1672·SL + 0.1297·IW
  // − 0.0327·ES − 0.875. Worked by hand for 100 words in 8 sentences, 20 of ≥3 syllables, 30 of >6
  // letters, 45 of one syllable: 3.87 + 2.09 + 3.891 − 1.4715 − 0.875 = 7.5045.
  test('weighs the shares of long, polysyllabic and monosyllabic words and the sentence length', () => {
    const s = stats({
      sentences: 8,
      words: 100,
      syllables: 180,
      polysyllables: 20,
      longWords: 30,
      monosyllables: 45,
    })
    expect(wienerSachtextformel(s)).toBeCloseTo(7.5045, 4)
  })

  test('rises by 0.1672 per extra word per sentence', () => {
    const base = stats({ sentences: 10, words: 100, polysyllables: 10, longWords: 20, monosyllables: 50 })
    const longer = { ...base, sentences: 5 }
    expect(wienerSachtextformel(longer) - wienerSachtextformel(base)).toBeCloseTo(0.1672 * 10, 6)
  })
})

describe('LIX (Björnsson 1968)', () => {
  // Words per sentence plus percent of words over six letters: 120 words, 10 sentences, 30 long → 12 + 25.
  test('adds words per sentence to the percentage of long words', () => {
    expect(lix(stats({ sentences: 10, words: 120, longWords: 30 }))).toBeCloseTo(37, 6)
  })
})
