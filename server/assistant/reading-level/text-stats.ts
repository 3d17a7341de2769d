// Counts a readability formula needs from plain running text: sentences, words, syllables, long and
// short words. Pure. Blocks (separated by a blank line) always end a sentence, so a list item or a task
// line without a full stop is still one sentence.

import { countSyllables, type Language } from './syllables.ts'

export interface TextStats {
  sentences: number
  words: number
  syllables: number
  /** Words of three or more syllables (WSTF's MS). */
  polysyllables: number
  /** Words of one syllable (WSTF's ES). */
  monosyllables: number
  /** Words of more than six letters (WSTF's IW, LIX's long words). */
  longWords: number
}

// Abbreviations whose full stop never ends a sentence (compared without the stop, lower case). "usw."
// and "etc." are not among them: they usually close a sentence.
const ABBREVIATIONS = new Set([
  ...['z', 'b', 'd', 'h', 'u', 'a', 'v', 'o', 'ä', 's', 'vgl', 'bzw', 'ca', 'nr', 'dr', 'prof'],
  ...[
    'evtl',
    'ggf',
    'inkl',
    'bspw',
    'sog',
    'jh',
    'jhd',
    'chr',
    'mio',
    'mrd',
    'str',
    'abb',
    'kap',
    'min',
    'std',
  ],
  ...['mr', 'mrs', 'ms', 'st', 'e.g', 'i.e', 'eg', 'ie', 'vs', 'approx', 'no', 'fig'],
])

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’\-\u00AD]*/gu
const HAS_WORD = /[\p{L}]/u
const LETTER = /[\p{L}]/gu

/** Splits running text into sentences. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const block of text.split(/\n\s*\n/)) {
    const flat = block.replace(/\s+/g, ' ').trim()
    if (!flat) continue
    let start = 0
    // A stop ends a sentence when whitespace and a capital, digit, quote or dash follow, or the block ends.
    const ends = /[.!?…]+["“”„'’»«)]*(?=\s|$)/g
    for (let m = ends.exec(flat); m; m = ends.exec(flat)) {
      const before = flat.slice(start, m.index)
      if (m[0].startsWith('.') && m[0].length === 1 && isAbbreviationOrOrdinal(before)) continue
      const after = flat.slice(m.index + m[0].length).trimStart()
      if (after && !/^[\p{Lu}\d"“„»«'(–-]/u.test(after)) continue
      sentences.push(flat.slice(start, m.index + m[0].length).trim())
      start = m.index + m[0].length
    }
    const rest = flat.slice(start).trim()
    if (HAS_WORD.test(rest)) sentences.push(rest)
  }
  return sentences.filter((s) => HAS_WORD.test(s))
}

// "z. B.", "vgl.", and ordinals like "am 3. Oktober" or "im 19. Jahrhundert" (one or two digits; a
// four-digit year before a stop usually ends the sentence).
function isAbbreviationOrOrdinal(before: string): boolean {
  const last = /(\S+)$/.exec(before)?.[1] ?? ''
  if (/^\d{1,2}$/.test(last)) return true
  return ABBREVIATIONS.has(last.toLocaleLowerCase().replace(/^[("„“»]+/, ''))
}

/** The words of a text: letter runs, a hyphenated compound counted as one word; numbers are not words. */
export function splitWords(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.replace(/[’'\-\u00AD]+$/, ''))
}

export function measureText(text: string, language: Language): TextStats {
  const stats: TextStats = {
    sentences: 0,
    words: 0,
    syllables: 0,
    polysyllables: 0,
    monosyllables: 0,
    longWords: 0,
  }
  for (const sentence of splitSentences(text)) {
    const words = splitWords(sentence)
    if (!words.length) continue
    stats.sentences += 1
    for (const word of words) {
      // A compound written with hyphens ("Nord-Süd-Konflikt") is one word; its parts give the syllables.
      const syllables = word
        .split(/[-\u00AD]+/)
        .filter(Boolean)
        .reduce((n, part) => n + countSyllables(part.replace(/['’]/g, ''), language), 0)
      stats.words += 1
      stats.syllables += syllables
      if (syllables >= 3) stats.polysyllables += 1
      if (syllables === 1) stats.monosyllables += 1
      if ((word.match(LETTER)?.length ?? 0) > 6) stats.longWords += 1
    }
  }
  return stats
}
