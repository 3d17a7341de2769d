// The unseen test of the German calibration: corpus/de-test holds 48 texts for grades 2–13, written by
// another engineer blind to the formula (corpus/de-test/README.md) and measured for the first time after
// calibration.ts was fixed on the 88 texts of corpus/de and corpus/de-validation. Prints the confusion
// table; asserts what the issue asks of them. The set is spent: nothing may be fitted on it.

import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { calibratedGermanGrade } from './calibration.ts'
import { confusionTable, type GradedText, loadCorpus, spearman, summary, within } from './corpus-eval.ts'

const texts = loadCorpus(join(import.meta.dirname, 'corpus', 'de-test'))
const publishedWstf = (t: GradedText) => Math.min(13, Math.max(1, t.wstf))
const unrounded = (t: GradedText) =>
  Math.min(13, Math.max(1, calibratedGermanGrade(t.wordsPerSentence, t.polysyllablePercent)))

describe('German blind test texts (corpus/de-test)', () => {
  test('holds 48 texts, four for each grade 2–13', () => {
    expect(texts).toHaveLength(48)
    for (let grade = 2; grade <= 13; grade++) {
      expect(
        texts.filter((t) => t.stated === grade),
        `grade ${grade}`,
      ).toHaveLength(4)
    }
  })

  test('the calibrated grade on texts written blind to it (confusion table printed)', () => {
    console.log(
      `\nCalibrated grade on ${texts.length} blind test texts\n` +
        `${confusionTable(texts)}\n${summary(texts)}\nunrounded: ${summary(texts, unrounded)}\n` +
        `published WSTF alone: ${summary(texts, publishedWstf)}\n` +
        `counted words: ${Math.min(...texts.map((t) => t.level.words))}–${Math.max(...texts.map((t) => t.level.words))}\n` +
        `misses beyond ±1: ${texts
          .filter((t) => Math.abs(t.grade - t.stated) > 1)
          .map((t) => `${t.file.replace(/\.md$/, '')} → ${t.grade}`)
          .join(', ')}`,
    )
    // Measured once, at this commit: 29 of 48 (60 %) within ±1 — far short of the issue's 80 %; 38 of 48
    // (79 %) as shown in whole grades; 46 of 48 within ±2. This author's grade-3/4 texts read about a grade
    // higher and the grade-10–12 texts one and a half to two lower than the 88 texts of the fit.
    expect(within(texts, 1).hits).toBe(29)
    expect(within(texts, 2).hits).toBe(46)
    expect(
      spearman(
        texts.map((t) => t.stated),
        texts.map((t) => t.grade),
      ),
    ).toBeGreaterThanOrEqual(0.95)
    expect(within(texts, 1).hits).toBeGreaterThan(within(texts, 1, publishedWstf).hits)
  })
})
