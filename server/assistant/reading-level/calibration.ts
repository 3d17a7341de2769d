// From the Wiener Sachtextformel to a German school grade: a linear calibration on the WSTF and the
// mean sentence length, fitted on the training half of corpus/de (corpus.test.ts re-fits it and fails
// if these constants drift). Pure. The published formula values are kept beside it in measure.ts.
//
// Why a calibration: the WSTF's own scale (Austrian Schulstufen of 1980s non-fiction, defined for 4–15)
// runs steeper than school texts written for grades 2–13 today (grade 2 → 0, grade 13 → 14), and its
// word-length terms swing with a subject's vocabulary (maths short, politics long) while sentence length
// follows the grade closely. Both coefficients are positive, so the grade rises with either.

/** grade ≈ intercept + wstf · WSTF(1st) + wordsPerSentence · SL; least squares on the training half. */
export const GERMAN_GRADE_CALIBRATION = {
  intercept: 0.026,
  wstf: 0.402,
  wordsPerSentence: 0.351,
} as const

/** The calibrated grade (unclamped) from the first WSTF and the mean words per sentence. */
export function calibratedGermanGrade(wstf: number, wordsPerSentence: number): number {
  const c = GERMAN_GRADE_CALIBRATION
  return c.intercept + c.wstf * wstf + c.wordsPerSentence * wordsPerSentence
}
