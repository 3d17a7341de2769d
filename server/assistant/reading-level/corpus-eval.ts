// Test support for the corpus checks (corpus.test.ts, blind-test.test.ts): load graded texts, fit a
// least-squares line, predict each text from a fit without it, and print a confusion table. Not used by
// the worker.

import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { wienerSachtextformel } from './formulas.ts'
import { measureReadingLevel, type ReadingLevel } from './measure.ts'
import { runningText } from './running-text.ts'
import { measureText } from './text-stats.ts'

export interface GradedText {
  /** The corpus folder, one per author (de, de-validation, de-test). */
  source: string
  file: string
  /** The grade the text was written for, from its name (gNN-subject-topic.md). */
  stated: number
  level: ReadingLevel
  /** The calibrated grade as stored (clamped, one decimal). */
  grade: number
  /** The first WSTF as published (unclamped). */
  wstf: number
  /** Unrounded inputs of the calibration: mean words per sentence, percent of words of ≥ 3 syllables. */
  wordsPerSentence: number
  polysyllablePercent: number
}

export function loadCorpus(dir: string): GradedText[] {
  return readdirSync(dir)
    .filter((f) => /^g\d\d-.+\.md$/.test(f))
    .sort()
    .map((file) => {
      const body = readFileSync(join(dir, file), 'utf8')
      const level = measureReadingLevel(body, 'de')
      const stats = measureText(runningText(body), 'de')
      return {
        source: basename(dir),
        file,
        stated: Number(file.slice(1, 3)),
        level,
        grade: level.grade ?? 0,
        wstf: wienerSachtextformel(stats),
        wordsPerSentence: stats.words / stats.sentences,
        polysyllablePercent: (100 * stats.polysyllables) / stats.words,
      }
    })
}

/** Ordinary least squares with an intercept: [intercept, ...coefficients]. */
export function leastSquares(xs: number[][], ys: number[]): number[] {
  const rows = xs.map((x) => [1, ...x])
  const n = rows[0]!.length
  const a = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0))
  rows.forEach((row, k) => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) a[i]![j]! += row[i]! * row[j]!
      a[i]![n]! += row[i]! * ys[k]!
    }
  })
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < n; r++) {
      if (r === i) continue
      const f = a[r]![i]! / a[i]![i]!
      for (let j = i; j <= n; j++) a[r]![j]! -= f * a[i]![j]!
    }
  }
  return a.map((row, i) => row[n]! / row[i]!)
}

/** The calibration's inputs of a text, in the order of GERMAN_GRADE_CALIBRATION's coefficients. */
export const calibrationInputs = (t: GradedText) => [t.wordsPerSentence, t.polysyllablePercent]

/**
 * Each text's grade (clamped, one decimal, as stored) from a fit on the texts outside its group — how
 * the calibration does on texts it did not see, without setting texts aside. Grouped by file it is
 * leave-one-out; by source, a fit on the other authors judged on this one's texts.
 */
export function leftOutGrades(
  texts: GradedText[],
  groupOf: (t: GradedText) => string = (t) => `${t.source}/${t.file}`,
): Map<GradedText, number> {
  const out = new Map<GradedText, number>()
  for (const t of texts) {
    const rest = texts.filter((u) => groupOf(u) !== groupOf(t))
    const [intercept, ...coefficients] = leastSquares(
      rest.map(calibrationInputs),
      rest.map((u) => u.stated),
    )
    const raw = calibrationInputs(t).reduce((sum, x, i) => sum + coefficients[i]! * x, intercept!)
    out.set(t, Math.round(Math.min(13, Math.max(1, raw)) * 10) / 10)
  }
  return out
}

/** Share of texts whose grade is within `d` of the stated one; `rounded` compares the whole grade shown. */
export function within(texts: GradedText[], d: number, grade = (t: GradedText) => t.grade, rounded = false) {
  const hits = texts.filter((t) => Math.abs((rounded ? Math.round(grade(t)) : grade(t)) - t.stated) <= d)
  return { hits: hits.length, share: hits.length / texts.length }
}

export function meanAbsoluteError(texts: GradedText[], grade = (t: GradedText) => t.grade): number {
  return texts.reduce((s, t) => s + Math.abs(grade(t) - t.stated), 0) / texts.length
}

function ranks(values: number[]): number[] {
  const sorted = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0])
  const r = new Array<number>(values.length)
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1]![0] === sorted[i]![0]) j++
    for (let k = i; k <= j; k++) r[sorted[k]![1]] = (i + j) / 2 + 1
    i = j + 1
  }
  return r
}

export function spearman(a: number[], b: number[]): number {
  const ra = ranks(a)
  const rb = ranks(b)
  const mean = (ra.length + 1) / 2
  let num = 0
  let da = 0
  let db = 0
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - mean) * (rb[i]! - mean)
    da += (ra[i]! - mean) ** 2
    db += (rb[i]! - mean) ** 2
  }
  return num / Math.sqrt(da * db)
}

/** Rows: stated grade; columns: the grade rounded and clamped to 1–13; last column: the mean grade. */
export function confusionTable(texts: GradedText[], grade = (t: GradedText) => t.grade): string {
  const cols = Array.from({ length: 13 }, (_, i) => i + 1)
  const head = `stated\\measured ${cols.map((c) => String(c).padStart(3)).join('')}   mean`
  const stated = [...new Set(texts.map((t) => t.stated))].sort((a, b) => a - b)
  const rows = stated.map((s) => {
    const group = texts.filter((t) => t.stated === s)
    const shown = (t: GradedText) => Math.min(13, Math.max(1, Math.round(grade(t))))
    const cells = cols.map((c) => group.filter((t) => shown(t) === c).length)
    const mean = group.reduce((sum, t) => sum + grade(t), 0) / group.length
    return `${String(s).padStart(15)} ${cells.map((n) => (n ? String(n) : '·').padStart(3)).join('')}  ${mean.toFixed(1).padStart(5)}`
  })
  return [head, ...rows].join('\n')
}

/** The summary line printed under a table. */
export function summary(texts: GradedText[], grade = (t: GradedText) => t.grade): string {
  const pct = (x: { share: number; hits: number }) =>
    `${(100 * x.share).toFixed(0)} % (${x.hits}/${texts.length})`
  const rho = spearman(
    texts.map((t) => t.stated),
    texts.map(grade),
  )
  return (
    `within ±1: ${pct(within(texts, 1, grade))}   as shown (whole grade) within ±1: ${pct(within(texts, 1, grade, true))}   ` +
    `within ±2: ${pct(within(texts, 2, grade))}   mean absolute error: ${meanAbsoluteError(texts, grade).toFixed(2)}   ` +
    `Spearman ρ: ${rho.toFixed(3)}`
  )
}
