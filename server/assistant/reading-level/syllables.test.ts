import { describe, expect, test } from 'vitest'
import { countSyllables } from './syllables.ts'

// Expected counts follow the Duden's syllabification (German) and Merriam-Webster's (English).
describe('countSyllables', () => {
  test.each([
    ['Haus', 1],
    ['Schule', 2],
    ['Kinder', 2],
    ['Geschichte', 3],
    ['Fotosynthese', 5],
    ['Nationalität', 6],
    ['Donaudampfschifffahrtsgesellschaft', 8],
    ['Eichhörnchen', 3],
    ['Bäume', 2],
    ['Qualität', 3],
  ])('German %s has %i syllables (from the de-1996 patterns)', (word, n) => {
    expect(countSyllables(word, 'de')).toBe(n)
  })

  test.each([
    ['Abend', 2],
    ['oder', 2],
    ['über', 2],
    ['Ofen', 2],
    ['Theater', 3],
    ['Ameise', 3],
    ['Biologie', 4],
    ['Radio', 3],
    // The patterns break "…|a|n|io|…": a piece without a vowel adds no syllable (Pro-te-in-an-i-o-nen).
    ['Proteinanionen', 7],
  ])('German %s has %i syllables where the patterns leave a single letter or a hiatus unmarked', (word, n) => {
    expect(countSyllables(word, 'de')).toBe(n)
  })

  test.each([
    ['cat', 1],
    ['table', 2],
    ['beautiful', 3],
    ['education', 4],
    ['make', 1],
    ['create', 2],
    ['people', 2],
    ['walked', 1],
    ['wanted', 2],
  ])('English %s has %i syllables (from the en-us patterns)', (word, n) => {
    expect(countSyllables(word, 'en')).toBe(n)
  })

  test('ignores letter case', () => {
    expect(countSyllables('FOTOSYNTHESE', 'de')).toBe(countSyllables('fotosynthese', 'de'))
  })
})
