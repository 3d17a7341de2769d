// Syllables of one word, from the TeX hyphenation patterns of the `hyphen` package: de-1996 (the
// reformed German spelling; `hyphen/de` is an alias of it) and en-us. Pure; no dictionary of our own.
//
// The patterns mark every break a typesetter may use, which is almost every syllable boundary. They
// never mark a break that leaves one letter alone at either end (`hyphen` zeroes the first and last
// two positions, TeX's lefthyphenmin/righthyphenmin) nor between two vowels in hiatus ("Thea|ter").
// So each piece between two marks is one syllable unless it holds more than one vowel nucleus; then it
// counts its nuclei ("Aben" → A-ben, "Thea" → The-a). Words shorter than the library's default
// minimum length are hyphenated too (minWordLength 1), so "oder" and "Ofen" are read the same way.

import hyphenDe from 'hyphen/de-1996'
import hyphenEn from 'hyphen/en-us'

export type Language = 'de' | 'en'

const MARK = '|'
const OPTIONS = { hyphenChar: MARK, minWordLength: 1 }

// German nuclei: diphthongs and long double vowels are one nucleus, any other vowel pair is two.
const DE_NUCLEUS = /(?:ai|au|äu|ei|eu|ie|ey|ay|aa|ee|oo)|[aeiouyäöü]/g
const EN_VOWELS = /[aeiouy]+/g

const cache = new Map<string, number>()

/** Syllables of one word (letters only; at least 1 for any word with a letter). */
export function countSyllables(word: string, language: Language): number {
  const key = `${language}:${word}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const lower = word.toLocaleLowerCase(language)
  const pieces = (language === 'de' ? hyphenDe : hyphenEn).hyphenateSync(lower, OPTIONS).split(MARK)
  let n = 0
  pieces.forEach((piece, i) => {
    n += language === 'de' ? germanNuclei(piece) : englishNuclei(piece, i === pieces.length - 1)
  })
  const count = Math.max(1, n)
  if (cache.size > 50_000) cache.clear()
  cache.set(key, count)
  return count
}

// "qu" is a consonant cluster: "Qua|li|tät" has three syllables, not four. A piece without a vowel
// (the patterns split "Proteinanionen" as …|a|n|io|…) is no syllable of its own; the word still has one.
function germanNuclei(piece: string): number {
  return piece.replace(/qu/g, 'q').match(DE_NUCLEUS)?.length ?? 0
}

// English spelling marks a silent final e ("make", "cre|ate") and a silent -ed ("walked"); the
// patterns leave both inside the last piece, so only the last piece is corrected.
function englishNuclei(piece: string, isLast: boolean): number {
  let n = piece.replace(/qu/g, 'q').match(EN_VOWELS)?.length ?? 0
  if (isLast && n > 1) {
    if (/[^aeiouy]e$/.test(piece) && !/[^aeiouy]le$/.test(piece)) n -= 1
    else if (/[^aeiouytd]ed$/.test(piece)) n -= 1
    else if (/[^aeiouy]es$/.test(piece) && !/(?:s|z|x|ch|sh|ce|ge)es$/.test(piece)) n -= 1
  }
  return Math.max(1, n)
}
