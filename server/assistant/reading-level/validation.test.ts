// Validation of the German calibration on texts it never saw: corpus/de-validation holds 40 texts for
// grades 2–13 (several subjects, science among them), written after calibration.ts was fixed and
// committed, and used for nothing but this check. Prints the confusion table; asserts what they give.

import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { calibratedGermanGrade } from './calibration.ts'
import { confusionTable, type GradedText, loadCorpus, spearman, summary, within } from './corpus-eval.ts'

const texts = loadCorpus(join(import.meta.dirname, 'corpus', 'de-validation'))
const publishedWstf = (t: GradedText) => Math.min(13, Math.max(1, t.wstf))
const unrounded = (t: GradedText) =>
  Math.min(13, Math.max(1, calibratedGermanGrade(t.wstf, t.wordsPerSentence)))

describe('German validation texts (corpus/de-validation)', () => {
  test('holds at least 40 texts for grades 2–13, each 80–200 counted words', () => {
    expect(texts.length).toBeGreaterThanOrEqual(40)
    expect(new Set(texts.map((t) => t.stated))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]))
    for (const t of texts) {
      expect(t.level.words, t.file).toBeGreaterThanOrEqual(80)
      expect(t.level.words, t.file).toBeLessThanOrEqual(200)
    }
  })

  test('the calibrated grade on unseen texts (confusion table printed)', () => {
    console.log(
      `\nCalibrated grade on ${texts.length} validation texts (written after the fit)\n` +
        `${confusionTable(texts)}\n${summary(texts)}\nunrounded: ${summary(texts, unrounded)}\n` +
        `published WSTF alone: ${summary(texts, publishedWstf)}\n` +
        `misses beyond ±1: ${texts
          .filter((t) => Math.abs(t.grade - t.stated) > 1)
          .map((t) => `${t.file.replace(/\.md$/, '')} → ${t.grade} (WSTF ${t.level.wstf})`)
          .join(', ')}`,
    )
    // Measured: 31 of 40 (78 %) within ±1 — short of the issue's 80 %; 37 of 40 (93 %) as shown in
    // whole grades; all within ±2. The misses are mostly grade 9–13 texts read one to two grades low.
    expect(within(texts, 1).hits).toBeGreaterThanOrEqual(31)
    expect(within(texts, 2).share).toBe(1)
    expect(
      spearman(
        texts.map((t) => t.stated),
        texts.map((t) => t.grade),
      ),
    ).toBeGreaterThanOrEqual(0.95)
    expect(within(texts, 1).hits).toBeGreaterThan(within(texts, 1, publishedWstf).hits)
  })
})
