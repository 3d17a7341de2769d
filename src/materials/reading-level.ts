// How a material's measured reading level relates to the class it is for: the target grade (from the
// request, the material's grade, a variant's level), whether a level fits it, and the two facts the
// library stores on the artifact to filter by. Pure; the worker (server/assistant/reading-level) and the app share it.

import { levelById } from './levels.ts'

export interface TargetGrade {
  grade: number
  /** Where it came from: the teacher's request, the material's grade, or only a variant level. */
  source: 'request' | 'material' | 'level'
  /** Leichte Sprache has a ceiling, not a band: easier never misses it. */
  easierIsFine: boolean
}

/** What a level check needs of a stored `artifactVersions.readingLevel` (server/assistant/reading-level/measure.ts). */
export interface MeasuredLevel {
  formula: 'wstf' | 'fk'
  grade: number | null
  words: number
}

/** 'fits' within one grade of the target; else which way it misses. Stored as `artifacts.levelFit`. */
export type LevelFit = 'fits' | 'too-hard' | 'too-easy'
export const LEVEL_FITS: readonly LevelFit[] = ['fits', 'too-hard', 'too-easy']

/** Below this many counted words a formula says little; such a material is never judged. */
export const MIN_WORDS = 40
/**
 * The Wiener Sachtextformel is defined for grades 4–15 (Bamberger & Vanecek). The calibrated grade
 * below 4 rests almost only on sentence length and barely tells grades 3 and 4 apart (corpus test), so
 * "too easy" is not said for such targets.
 */
const WSTF_FLOOR = 4
const TOLERANCE = 1

// Upper-secondary phases (their names hold digits that are no grade), then numbers, then broad stages.
const PHASES: [RegExp, number][] = [
  [/\b(ef|e-?phase|einführungsphase)\b/, 11],
  [/\bq\s?1\b|qualifikationsphase\s*1/, 12],
  [/\bq\s?2\b|qualifikationsphase\s*2|abitur/, 13],
  [/sek(undarstufe)?\.?\s*(i|1)\b/, 8],
  [/sek(undarstufe)?\.?\s*(ii|2)\b/, 12],
]
const STAGES: [RegExp, number][] = [
  [/oberstufe/, 12],
  [/mittelstufe/, 8],
  [/unterstufe|orientierungsstufe/, 6],
  [/grundschule|primarstufe/, 3],
]

/** A grade 1–13 from a stored or requested grade ("5", "Klasse 7/8", "Q1", 9); null if none. Ranges give their middle. */
export function parseGrade(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return value >= 1 && value <= 13 ? value : null
  if (!value) return null
  const text = value.toLowerCase()
  for (const [pattern, grade] of PHASES) if (pattern.test(text)) return grade
  const numbers = [...text.matchAll(/(?<!\d)(1[0-3]|[1-9])(?!\d)/g)].map((m) => Number(m[1]))
  if (numbers.length) return (Math.min(...numbers) + Math.max(...numbers)) / 2
  for (const [pattern, grade] of STAGES) if (pattern.test(text)) return grade
  return null
}

// How a variant level moves the target away from the class's grade (levels.ts).
const LEVEL_OFFSET: Record<string, number> = { A: -1, B: 0, C: 1, daz: -2 }
const LEICHTE_SPRACHE_CEILING = 4

/**
 * The grade to aim at: the request's grade, else the material's own, moved by the variant level.
 * Leichte Sprache is at most grade 4 and needs no class grade. Null when nothing says a grade.
 */
export function targetGrade(input: {
  requested?: string | number | null | undefined
  materialGrade?: string | null | undefined
  level?: string | null | undefined
}): TargetGrade | null {
  const requested = parseGrade(input.requested)
  const material = parseGrade(input.materialGrade)
  const base = requested ?? material
  const source = requested !== null ? 'request' : material !== null ? 'material' : 'level'
  const level = input.level && levelById(input.level) ? input.level : null
  if (level === 'leichte-sprache') {
    return {
      grade: Math.min(base ?? LEICHTE_SPRACHE_CEILING, LEICHTE_SPRACHE_CEILING),
      source,
      easierIsFine: true,
    }
  }
  if (base === null) return null
  const grade = Math.min(13, Math.max(1, base + (level ? (LEVEL_OFFSET[level] ?? 0) : 0)))
  return { grade, source, easierIsFine: false }
}

/** 'too-hard' / 'too-easy' when the measured grade is more than one grade off the target; else null. */
export function levelGap(
  measured: MeasuredLevel,
  target: TargetGrade | null,
): 'too-hard' | 'too-easy' | null {
  if (!target || measured.grade === null || measured.words < MIN_WORDS) return null
  if (measured.grade > target.grade + TOLERANCE) return 'too-hard'
  if (target.easierIsFine) return null
  // Under the WSTF's floor every easy text looks alike, so "too easy" is only said above it.
  if (measured.formula === 'wstf' && target.grade <= WSTF_FLOOR) return null
  return measured.grade < target.grade - TOLERANCE ? 'too-easy' : null
}

/** A stored readingLevel as far as the app trusts it: a grade and the counts; undefined for anything else. */
export function toMeasuredLevel(value: unknown): MeasuredLevel | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  const grade = typeof v.grade === 'number' ? v.grade : null
  if (grade === null || typeof v.words !== 'number') return undefined
  return { formula: v.formula === 'fk' ? 'fk' : 'wstf', grade, words: v.words }
}

/**
 * The stored level's measurement version (its `v`), written beside it as `readingLevelVersion` so the
 * worker can find levels an older measurement wrote by an index; undefined when there is none.
 */
export function levelVersionOf(value: unknown): number | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = (value as Record<string, unknown>).v
  return typeof v === 'number' ? v : undefined
}

/** The published formulas' own values stored beside the grade (server/assistant/reading-level/measure.ts). */
export interface FormulaScores {
  wstf?: number
  lix?: number
  fleschAmstad?: number
  fleschKincaid?: number
  fleschReadingEase?: number
}
const SCORE_KEYS = ['wstf', 'lix', 'fleschAmstad', 'fleschKincaid', 'fleschReadingEase'] as const

/** The numeric formula values of a stored readingLevel; anything else is dropped. */
export function formulaScores(value: unknown): FormulaScores {
  const scores: FormulaScores = {}
  if (!value || typeof value !== 'object') return scores
  const v = value as Record<string, unknown>
  for (const key of SCORE_KEYS) {
    const n = v[key]
    if (typeof n === 'number' && Number.isFinite(n)) scores[key] = n
  }
  return scores
}

export interface LevelReading {
  /** The measured grade, one decimal. */
  grade: number
  /** WSTF, LIX and Flesch–Amstad (German) or Flesch–Kincaid and Reading Ease (English) as published. */
  scores: FormulaScores
  formula: MeasuredLevel['formula']
  target: TargetGrade | null
  /** Undefined when there is no target or too little text to judge. */
  fit: LevelFit | undefined
}

/** The measured level against the target: what the material view, library row and variant list show. */
export function readLevel(
  readingLevel: unknown,
  material: {
    grade?: string | null | undefined
    level?: string | null | undefined
    originalGrade?: string | null | undefined
  },
): LevelReading | undefined {
  const measured = toMeasuredLevel(readingLevel)
  if (!measured || measured.grade === null) return undefined
  const target = targetGrade({
    materialGrade: material.grade ?? material.originalGrade,
    level: material.level,
  })
  const judged = target !== null && measured.words >= MIN_WORDS
  return {
    grade: measured.grade,
    scores: formulaScores(readingLevel),
    formula: measured.formula,
    target,
    fit: judged ? (levelGap(measured, target) ?? 'fits') : undefined,
  }
}

/**
 * What the artifact stores about its newest version's level, so the library can filter and show it
 * without reading versions: `readingGrade` and `levelFit`, null when unknown (cleared on a hand edit
 * until the worker has measured it).
 */
export function artifactLevelFields(reading: LevelReading | undefined): {
  readingGrade: number | null
  levelFit: LevelFit | null
} {
  return { readingGrade: reading?.grade ?? null, levelFit: reading?.fit ?? null }
}
