// From the counts of the Wiener Sachtextformel to a German school grade: a linear calibration on the
// mean sentence length (SL) and the percent of words of three or more syllables (MS) — the two inputs
// of the fourth WSTF — fitted by least squares on all 136 graded texts of corpus/de, corpus/de-validation
// and corpus/de-test, three authors (corpus.test.ts re-fits it and fails if these constants drift). Pure.
//
// Why a calibration: the published formulas' scales (Austrian Schulstufen of 1980s non-fiction) run
// steeper than school texts written for grades 2–13 today, and their letter-count term (IW) swings with a
// subject's vocabulary. Why these two inputs: of the monotone one- and two-input forms, SL + MS predicted
// a left-out text best (leave-one-out over the first 88; README.md, "How good is it"). Why all three
// authors: each writes "grade 11" differently, and a fit on one or two carries their style (the blind
// test of the fit on 88 texts found 60 % within ±1 on the third author's). Both coefficients are
// positive, so the grade only rises with longer sentences or more long words.

/** grade ≈ intercept + wordsPerSentence · SL + polysyllablePercent · MS. */
export const GERMAN_GRADE_CALIBRATION = {
  intercept: -1.4363,
  wordsPerSentence: 0.4785,
  polysyllablePercent: 0.14,
} as const

/** The calibrated grade (unclamped) from mean words per sentence and percent of words of ≥ 3 syllables. */
export function calibratedGermanGrade(wordsPerSentence: number, polysyllablePercent: number): number {
  const c = GERMAN_GRADE_CALIBRATION
  return c.intercept + c.wordsPerSentence * wordsPerSentence + c.polysyllablePercent * polysyllablePercent
}
