// The corpus check of the issue: German school texts written for a known grade (corpus/de, file name
// gNN-subject-topic.md), measured as materials, with the confusion table printed. What it asserts is
// what the Wiener Sachtextformel does achieve on these texts; the issue's "within ±1 for 80 %" is
// printed and NOT reached (about 56 %) — see README.md, "How good is it".

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { measureReadingLevel } from './measure.ts'

const DIR = join(import.meta.dirname, 'corpus', 'de')

const corpus = readdirSync(DIR)
  .filter((f) => /^g\d\d-.+\.md$/.test(f))
  .sort()
  .map((file) => {
    const level = measureReadingLevel(readFileSync(join(DIR, file), 'utf8'), 'de')
    return { file, stated: Number(file.slice(1, 3)), level, grade: level.grade ?? 0 }
  })

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

function spearman(a: number[], b: number[]): number {
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

function confusionTable(): string {
  const cols = Array.from({ length: 13 }, (_, i) => i + 1)
  const head = `stated\\measured ${cols.map((c) => String(c).padStart(3)).join('')}   mean`
  const rows = [...new Set(corpus.map((t) => t.stated))].map((stated) => {
    const texts = corpus.filter((t) => t.stated === stated)
    const cells = cols.map((c) => texts.filter((t) => Math.round(t.grade) === c).length)
    const mean = texts.reduce((s, t) => s + t.grade, 0) / texts.length
    return `${String(stated).padStart(15)} ${cells.map((n) => (n ? String(n) : '·').padStart(3)).join('')}  ${mean.toFixed(1).padStart(5)}`
  })
  return [head, ...rows].join('\n')
}

describe('German corpus (corpus/de)', () => {
  const within = (d: number) => corpus.filter((t) => Math.abs(t.grade - t.stated) <= d).length / corpus.length
  const mae = corpus.reduce((s, t) => s + Math.abs(t.grade - t.stated), 0) / corpus.length
  const rho = spearman(
    corpus.map((t) => t.stated),
    corpus.map((t) => t.grade),
  )

  test('holds at least 40 texts for grades 2–13, each 80–200 counted words', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40)
    expect(new Set(corpus.map((t) => t.stated))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]))
    for (const t of corpus) {
      expect(t.level.words, t.file).toBeGreaterThanOrEqual(80)
      expect(t.level.words, t.file).toBeLessThanOrEqual(200)
    }
  })

  test('orders the texts by grade and lands within two grades for at least 80 % (confusion table printed)', () => {
    console.log(
      `\nWiener Sachtextformel on ${corpus.length} German school texts (grade clamped to 1–13, rounded in the table)\n` +
        `${confusionTable()}\n` +
        `within ±1: ${(100 * within(1)).toFixed(0)} %   within ±2: ${(100 * within(2)).toFixed(0)} %   ` +
        `mean absolute error: ${mae.toFixed(2)}   Spearman ρ: ${rho.toFixed(3)}\n` +
        `misses beyond ±1: ${corpus
          .filter((t) => Math.abs(t.grade - t.stated) > 1)
          .map((t) => `${t.file.replace(/\.md$/, '')} → ${t.level.wstf}`)
          .join(', ')}`,
    )
    expect(rho).toBeGreaterThanOrEqual(0.9)
    expect(within(2)).toBeGreaterThanOrEqual(0.8)
    // Regression floor for the issue's criterion, which is not met (target 80 %); see the header.
    expect(within(1)).toBeGreaterThanOrEqual(0.5)
  })
})
