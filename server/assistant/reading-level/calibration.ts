// From the counts of the Wiener Sachtextformel to a German school grade: a linear calibration on the
// mean sentence length (SL) and the percent of words of three or more syllables (MS) — the two inputs
// of the fourth WSTF — fitted by least squares on all 88 graded texts of corpus/de and
// corpus/de-validation (corpus.test.ts re-fits it and fails if these constants drift). Pure.
//
// Why a calibration: the published formulas' scales (Austrian Schulstufen of 1980s non-fiction) run
// steeper than school texts written for grades 2–13 today, and their letter-count term (IW) swings with a
// subject's vocabulary. Why these two inputs: of the monotone one- and two-input forms, SL + MS predicted
// a left-out text best (leave-one-out over the 88; README.md, "How good is it"). Both coefficients are
// positive, so the grade only rises with longer sentences or more long words.

/** grade ≈ intercept + wordsPerSentence · SL + polysyllablePercent · MS. */
export const GERMAN_GRADE_CALIBRATION = {
  intercept: -0.9242,
  wordsPerSentence: 0.4137,
  polysyllablePercent: 0.1532,
} as const

/** The calibrated grade (unclamped) from mean words per sentence and percent of words of ≥ 3 syllables. */
export function calibratedGermanGrade(wordsPerSentence: number, polysyllablePercent: number): number {
  const c = GERMAN_GRADE_CALIBRATION
  return c.intercept + c.wordsPerSentence * wordsPerSentence + c.polysyllablePercent * polysyllablePercent
}
