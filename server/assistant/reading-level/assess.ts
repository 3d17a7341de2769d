// The worker's one call per written material or variant: measure the body, find the target, and say
// whether a second attempt is due and with which advice; then pick the better of two attempts. Pure.

import { measureReadingLevel, type ReadingLevel, toLanguage } from './measure.ts'
import { levelGap, levelGuidance, MIN_WORDS, type TargetGrade, targetGrade } from './target.ts'

export interface Assessment {
  /** Store as `artifactVersions.readingLevel`. */
  readingLevel: ReadingLevel
  target: TargetGrade | null
  gap: 'too-hard' | 'too-easy' | null
  /** German advice for the model's second attempt; null when the level fits or cannot be judged. */
  guidance: string | null
}

export function assessMaterial(input: {
  body: string
  /** `artifacts.language` ('de' | 'en'; anything else is measured as German). */
  language?: string | null
  /** `artifacts.grade`. */
  grade?: string | null
  /** `artifacts.level` of a variant. */
  level?: string | null
  /** A grade the teacher's request named, which wins over the material's own. */
  requestedGrade?: string | number | null
}): Assessment {
  const readingLevel = measureReadingLevel(input.body, toLanguage(input.language))
  const target = targetGrade({
    requested: input.requestedGrade,
    materialGrade: input.grade,
    level: input.level,
  })
  const gap = levelGap(readingLevel, target)
  return { readingLevel, target, gap, guidance: gap && target ? levelGuidance(readingLevel, target) : null }
}

/** Of two attempts, the one whose level misses the target by less; the first on a tie or without a target. */
export function betterAttempt<T extends { readingLevel: ReadingLevel }>(
  first: T,
  second: T,
  target: TargetGrade | null,
): T {
  const miss = (a: T) => distance(a.readingLevel, target)
  return miss(second) < miss(first) ? second : first
}

// Too short to judge counts as worst: a second attempt that shrank to a few words is not "on target".
function distance(level: ReadingLevel, target: TargetGrade | null): number {
  if (!target || level.grade === null || level.words < MIN_WORDS) return Number.POSITIVE_INFINITY
  if (levelGap(level, target) === null) return 0
  return Math.abs(level.grade - target.grade)
}
