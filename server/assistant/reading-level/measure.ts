// The reading level of a material's Markdown body, stored with each version as
// `artifactVersions.readingLevel`. Pure and synchronous: a few KB of Markdown take about a millisecond.

import { calibratedGermanGrade } from './calibration.ts'
import { fleschAmstad, fleschKincaidGrade, fleschReadingEase, lix, wienerSachtextformel } from './formulas.ts'
import { runningText } from './running-text.ts'
import type { Language } from './syllables.ts'
import { measureText } from './text-stats.ts'

/**
 * Bumped whenever counting or formulas change, so stored levels can be told apart (2: German grade from
 * the first WSTF and SL; 3: from SL and MS, fitted on 88 texts; 4: the same on 136 texts of three
 * authors). Older stored levels are re-measured.
 */
export const READING_LEVEL_VERSION = 4

/** School grades run 1–13; a formula's value beyond them says "easier/harder than any grade". */
export const MIN_GRADE = 1
export const MAX_GRADE = 13

export interface ReadingLevel {
  v: typeof READING_LEVEL_VERSION
  language: Language
  /** 'wstf': German, the Wiener Sachtextformel's counts calibrated to grades (calibration.ts); 'fk': English, Flesch–Kincaid grade. */
  formula: 'wstf' | 'fk'
  /**
   * The grade compared with the target and shown, clamped to 1–13, one decimal; null without running
   * text. German: sentence length and share of words of ≥ 3 syllables calibrated on school texts;
   * English: Flesch–Kincaid.
   */
  grade: number | null
  /** The first Wiener Sachtextformel as published, unclamped (German only). */
  wstf?: number
  /** Björnsson's LIX (German only). */
  lix?: number
  /** Flesch Reading Ease after Amstad (German only). */
  fleschAmstad?: number
  /** Flesch–Kincaid grade, unclamped (English only). */
  fleschKincaid?: number
  /** Flesch Reading Ease (English only). */
  fleschReadingEase?: number
  words: number
  sentences: number
  /** Mean words per sentence and percent of words over six letters: what guidance talks about. */
  wordsPerSentence: number
  longWordPercent: number
  syllablesPerWord: number
  countedText: 'tasks+passages'
}

/** Language of a material as stored in `artifacts.language`; anything but 'en' is measured as German. */
export function toLanguage(value: string | null | undefined): Language {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'de'
}

/** Never throws: an empty or odd body gives `grade: null` and zero counts. */
export function measureReadingLevel(markdownBody: string, language: Language): ReadingLevel {
  const stats = measureText(runningText(markdownBody), language)
  const base: Omit<ReadingLevel, 'grade'> = {
    v: READING_LEVEL_VERSION,
    language,
    formula: language === 'en' ? 'fk' : 'wstf',
    words: stats.words,
    sentences: stats.sentences,
    wordsPerSentence: stats.words ? round(stats.words / stats.sentences) : 0,
    longWordPercent: stats.words ? round((100 * stats.longWords) / stats.words) : 0,
    syllablesPerWord: stats.words ? round(stats.syllables / stats.words, 2) : 0,
    countedText: 'tasks+passages',
  }
  if (!stats.words) return { ...base, grade: null }
  if (language === 'en') {
    const fk = fleschKincaidGrade(stats)
    return {
      ...base,
      grade: toGrade(fk),
      fleschKincaid: round(fk),
      fleschReadingEase: round(fleschReadingEase(stats)),
    }
  }
  const wstf = wienerSachtextformel(stats)
  return {
    ...base,
    grade: toGrade(
      calibratedGermanGrade(stats.words / stats.sentences, (100 * stats.polysyllables) / stats.words),
    ),
    wstf: round(wstf),
    lix: round(lix(stats)),
    fleschAmstad: round(fleschAmstad(stats)),
  }
}

function toGrade(value: number): number {
  return round(Math.min(MAX_GRADE, Math.max(MIN_GRADE, value)))
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
