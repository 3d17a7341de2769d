// The blind test of the shipped German calibration (v4, fitted on 136 texts of three authors):
// corpus/de-test2 holds 48 texts for grades 2–13 by a fourth author, written blind to the formula
// (corpus/de-test2/README.md) after calibration.ts was committed, and measured here for the first time.
// Prints the confusion table. The set is spent once measured: nothing may be fitted on it.

import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { calibratedGermanGrade } from './calibration.ts'
import { confusionTable, type GradedText, loadCorpus, spearman, summary, within } from './corpus-eval.ts'

const texts = loadCorpus(join(import.meta.dirname, 'corpus', 'de-test2'))
const publishedWstf = (t: GradedText) => Math.min(13, Math.max(1, t.wstf))
const unrounded = (t: GradedText) =>
  Math.min(13, Math.max(1, calibratedGermanGrade(t.wordsPerSentence, t.polysyllablePercent)))

describe('German blind test texts of a fourth author (corpus/de-test2)', () => {
  test('holds 48 texts, four for each grade 2–13', () => {
    expect(texts).toHaveLength(48)
    for (let grade = 2; grade <= 13; grade++) {
      expect(
        texts.filter((t) => t.stated === grade),
        `grade ${grade}`,
      ).toHaveLength(4)
    }
  })

  test('the shipped calibration on texts written blind to it (confusion table printed)', () => {
    console.log(
      `\nCalibrated grade (v4) on ${texts.length} blind test texts of a fourth author\n` +
        `${confusionTable(texts)}\n${summary(texts)}\nunrounded: ${summary(texts, unrounded)}\n` +
        `published WSTF alone: ${summary(texts, publishedWstf)}\n` +
        `counted words: ${Math.min(...texts.map((t) => t.level.words))}–${Math.max(...texts.map((t) => t.level.words))}\n` +
        `misses beyond ±1: ${texts
          .filter((t) => Math.abs(t.grade - t.stated) > 1)
          .map((t) => `${t.file.replace(/\.md$/, '')} → ${t.grade}`)
          .join(', ')}`,
    )
    // Measured once, at the commit that added this file: 31 of 48 (65 %) within ±1 — short of the issue's
    // 80 % —, 38 of 48 (79 %) in whole grades, 46 of 48 within ±2, ρ 0.96. Grades 12–13 read one and a
    // half to two and a half grades low, grade 3 one and a half high. README.md, "How good is it".
    expect(within(texts, 1).hits).toBeGreaterThanOrEqual(31)
    expect(within(texts, 2).hits).toBeGreaterThanOrEqual(46)
    expect(
      spearman(
        texts.map((t) => t.stated),
        texts.map((t) => t.grade),
      ),
    ).toBeGreaterThanOrEqual(0.95)
    expect(within(texts, 1).hits).toBeGreaterThan(within(texts, 1, publishedWstf).hits)
  })
})
