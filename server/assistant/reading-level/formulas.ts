// The readability formulas themselves, from the counts in text-stats.ts. Pure arithmetic; each
// formula cites where its coefficients are published.

import type { TextStats } from './text-stats.ts'

/**
 * First Wiener Sachtextformel (Bamberger & Vanecek 1984, "Lesen – Verstehen – Lernen – Schreiben",
 * for non-fiction): 0.1935·MS + 0.1672·SL + 0.1297·IW − 0.0327·ES − 0.875, with MS/IW/ES in percent
 * of words (≥3 syllables, >6 letters, 1 syllable) and SL words per sentence. Reads as a school grade
 * (4 easy … 15 very hard).
 */
export function wienerSachtextformel(s: TextStats): number {
  const ms = (100 * s.polysyllables) / s.words
  const iw = (100 * s.longWords) / s.words
  const es = (100 * s.monosyllables) / s.words
  return 0.1935 * ms + 0.1672 * (s.words / s.sentences) + 0.1297 * iw - 0.0327 * es - 0.875
}

/** Björnsson's Läsbarhetsindex (1968): words per sentence + percent of words longer than six letters. */
export function lix(s: TextStats): number {
  return s.words / s.sentences + (100 * s.longWords) / s.words
}

/** Flesch Reading Ease adapted to German by Amstad (1978): 180 − ASL − 58.5·ASW (higher = easier). */
export function fleschAmstad(s: TextStats): number {
  return 180 - s.words / s.sentences - 58.5 * (s.syllables / s.words)
}

/** Flesch Reading Ease (Flesch 1948): 206.835 − 1.015·ASL − 84.6·ASW (higher = easier). */
export function fleschReadingEase(s: TextStats): number {
  return 206.835 - 1.015 * (s.words / s.sentences) - 84.6 * (s.syllables / s.words)
}

/** Flesch–Kincaid grade level (Kincaid et al. 1975): 0.39·ASL + 11.8·ASW − 15.59 (a US grade). */
export function fleschKincaidGrade(s: TextStats): number {
  return 0.39 * (s.words / s.sentences) + 11.8 * (s.syllables / s.words) - 15.59
}
