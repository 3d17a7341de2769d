// The corpus check of the issue: German school texts written for a known grade by three authors
// (corpus/de, corpus/de-validation, corpus/de-test; file name gNN-subject-topic.md), measured as
// materials. The calibration (calibration.ts) is the least-squares fit on all of them. How it does on
// texts it did not see is measured twice: each text left out of the fit in turn, and each author's
// texts judged by a fit on the other two — the honest figure, since authors differ more than texts.
// Confusion tables are printed; README.md, "How good is it", has the history (the blind test included).

import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { calibratedGermanGrade, GERMAN_GRADE_CALIBRATION } from './calibration.ts'
import {
  calibrationInputs,
  confusionTable,
  type GradedText,
  leastSquares,
  leftOutGrades,
  loadCorpus,
  spearman,
  summary,
  within,
} from './corpus-eval.ts'

const SOURCES = ['de', 'de-validation', 'de-test']
const corpus = SOURCES.flatMap((source) => loadCorpus(join(import.meta.dirname, 'corpus', source)))
const publishedWstf = (t: GradedText) => Math.min(13, Math.max(1, t.wstf))
const unrounded = (t: GradedText) =>
  Math.min(13, Math.max(1, calibratedGermanGrade(t.wordsPerSentence, t.polysyllablePercent)))
const byText = leftOutGrades(corpus)
const byAuthor = leftOutGrades(corpus, (t) => t.source)
const textLeftOut = (t: GradedText) => byText.get(t)!
const authorLeftOut = (t: GradedText) => byAuthor.get(t)!

describe('German corpus (three authors, 136 texts)', () => {
  test('holds 136 texts for grades 2–13, each 80–200 counted words', () => {
    expect(corpus).toHaveLength(136)
    for (const source of SOURCES) {
      const texts = corpus.filter((t) => t.source === source)
      expect(new Set(texts.map((t) => t.stated)), source).toEqual(
        new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]),
      )
    }
    for (const t of corpus) {
      expect(t.level.words, t.file).toBeGreaterThanOrEqual(80)
      expect(t.level.words, t.file).toBeLessThanOrEqual(200)
    }
  })

  test('the calibration constants are the least-squares fit on all 136 texts', () => {
    const [intercept, wordsPerSentence, polysyllablePercent] = leastSquares(
      corpus.map(calibrationInputs),
      corpus.map((t) => t.stated),
    )
    expect(intercept).toBeCloseTo(GERMAN_GRADE_CALIBRATION.intercept, 3)
    expect(wordsPerSentence).toBeCloseTo(GERMAN_GRADE_CALIBRATION.wordsPerSentence, 3)
    expect(polysyllablePercent).toBeCloseTo(GERMAN_GRADE_CALIBRATION.polysyllablePercent, 3)
    // Monotone: a longer sentence or more long words never give a lower grade.
    expect(wordsPerSentence).toBeGreaterThan(0)
    expect(polysyllablePercent).toBeGreaterThan(0)
  })

  test('texts and authors left out of the fit (confusion tables printed)', () => {
    const perAuthor = SOURCES.map((source) => {
      const texts = corpus.filter((t) => t.source === source)
      return `  ${source.padEnd(14)} ${summary(texts, authorLeftOut)}`
    }).join('\n')
    console.log(
      `\nPublished first Wiener Sachtextformel (clamped to 1–13), all ${corpus.length} texts\n` +
        `${confusionTable(corpus, publishedWstf)}\n${summary(corpus, publishedWstf)}\n` +
        `\nCalibrated grade, each text from the fit on all ${corpus.length} (its own data)\n` +
        `${confusionTable(corpus)}\n${summary(corpus)}\nunrounded: ${summary(corpus, unrounded)}\n` +
        `\nEach text LEFT OUT of its fit\n${confusionTable(corpus, textLeftOut)}\n${summary(corpus, textLeftOut)}\n` +
        `\nEach AUTHOR left out: their texts judged by the fit on the other two\n` +
        `${confusionTable(corpus, authorLeftOut)}\n${summary(corpus, authorLeftOut)}\n${perAuthor}`,
    )
    // Measured: on its own data 103 of 136 (76 %); left out 101 (74 %); author left out 100 (74 %):
    // de 39/48, de-validation 32/40, de-test 29/48. Short of the 80 % — README.md says why.
    expect(within(corpus, 1).hits).toBeGreaterThanOrEqual(103)
    expect(within(corpus, 1, textLeftOut).hits).toBeGreaterThanOrEqual(101)
    expect(within(corpus, 1, authorLeftOut).hits).toBeGreaterThanOrEqual(100)
    expect(within(corpus, 2, authorLeftOut).share).toBeGreaterThanOrEqual(0.97)
    expect(
      spearman(
        corpus.map((t) => t.stated),
        corpus.map(authorLeftOut),
      ),
    ).toBeGreaterThanOrEqual(0.95)
    // The calibration must beat the published scale on texts it did not see.
    expect(within(corpus, 1, authorLeftOut).hits).toBeGreaterThan(within(corpus, 1, publishedWstf).hits)
  })
})
