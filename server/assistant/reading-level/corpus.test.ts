// The corpus check of the issue: German school texts written for a known grade (corpus/de, file name
// gNN-subject-topic.md), measured as materials. The calibration (calibration.ts) is fitted on the
// training half (a fixed rule: every other text per grade) and judged on the held-out half; confusion
// tables are printed for both. What is asserted is what the held-out half does achieve — see README.md.

import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { calibratedGermanGrade, GERMAN_GRADE_CALIBRATION } from './calibration.ts'
import {
  confusionTable,
  type GradedText,
  leastSquares,
  loadCorpus,
  spearman,
  splitByRule,
  summary,
  within,
} from './corpus-eval.ts'

const corpus = loadCorpus(join(import.meta.dirname, 'corpus', 'de'))
const { training, heldOut } = splitByRule(corpus)
const publishedWstf = (t: GradedText) => Math.min(13, Math.max(1, t.wstf))
const unrounded = (t: GradedText) =>
  Math.min(13, Math.max(1, calibratedGermanGrade(t.wstf, t.wordsPerSentence)))

describe('German corpus (corpus/de)', () => {
  test('holds at least 40 texts for grades 2–13, each 80–200 counted words, split half and half', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40)
    expect(new Set(corpus.map((t) => t.stated))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]))
    for (const t of corpus) {
      expect(t.level.words, t.file).toBeGreaterThanOrEqual(80)
      expect(t.level.words, t.file).toBeLessThanOrEqual(200)
    }
    expect(training).toHaveLength(24)
    expect(heldOut).toHaveLength(24)
    expect(new Set(heldOut.map((t) => t.stated))).toEqual(new Set(training.map((t) => t.stated)))
  })

  test('the calibration constants are the least-squares fit on the training half', () => {
    const [intercept, wstf, wordsPerSentence] = leastSquares(
      training.map((t) => [t.wstf, t.wordsPerSentence]),
      training.map((t) => t.stated),
    )
    expect(intercept).toBeCloseTo(GERMAN_GRADE_CALIBRATION.intercept, 3)
    expect(wstf).toBeCloseTo(GERMAN_GRADE_CALIBRATION.wstf, 3)
    expect(wordsPerSentence).toBeCloseTo(GERMAN_GRADE_CALIBRATION.wordsPerSentence, 3)
    // Monotone: a longer sentence or a higher WSTF never gives a lower grade.
    expect(wstf).toBeGreaterThan(0)
    expect(wordsPerSentence).toBeGreaterThan(0)
  })

  test('the calibrated grade lands within ±1 for most held-out texts (confusion tables printed)', () => {
    console.log(
      `\nPublished first Wiener Sachtextformel (clamped to 1–13), all ${corpus.length} texts\n` +
        `${confusionTable(corpus, publishedWstf)}\n${summary(corpus, publishedWstf)}\n` +
        `\nCalibrated grade, TRAINING half (${training.length} texts, the fit's own data)\n` +
        `${confusionTable(training)}\n${summary(training)}\n` +
        `\nCalibrated grade, HELD-OUT half (${heldOut.length} texts, not used in the fit)\n` +
        `${confusionTable(heldOut)}\n${summary(heldOut)}\n` +
        `unrounded: ${summary(heldOut, unrounded)}\n` +
        `held-out misses beyond ±1: ${heldOut
          .filter((t) => Math.abs(t.grade - t.stated) > 1)
          .map((t) => `${t.file.replace(/\.md$/, '')} → ${t.grade} (WSTF ${t.level.wstf})`)
          .join(', ')}`,
    )
    // Measured: 20 of 24 (83 %) on the grade as stored and compared with the target (one decimal);
    // 19 of 24 (79 %) on the unrounded value, where one text misses by 1.04. README.md, "How good is it".
    expect(within(heldOut, 1).hits).toBeGreaterThanOrEqual(20)
    expect(within(heldOut, 1).share).toBeGreaterThanOrEqual(0.8)
    expect(within(heldOut, 1, unrounded).hits).toBeGreaterThanOrEqual(19)
    expect(within(heldOut, 2).share).toBe(1)
    expect(
      spearman(
        heldOut.map((t) => t.stated),
        heldOut.map((t) => t.grade),
      ),
    ).toBeGreaterThanOrEqual(0.9)
    // The calibration must beat the published scale on the texts it never saw.
    expect(within(heldOut, 1).hits).toBeGreaterThan(within(heldOut, 1, publishedWstf).hits)
  })
})
