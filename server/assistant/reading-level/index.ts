// Entry point of the reading-level measure: what the assistant worker imports. Pure modules only;
// nothing here touches the database or the model.

export { type Assessment, assessMaterial, betterAttempt } from './assess.ts'
export { measureReadingLevel, READING_LEVEL_VERSION, type ReadingLevel, toLanguage } from './measure.ts'
export { runningText } from './running-text.ts'
export {
  levelGap,
  levelGuidance,
  MIN_WORDS,
  missesTarget,
  parseGrade,
  requestedGrade,
  type TargetGrade,
  targetGrade,
  targetLevelPrompt,
} from './target.ts'
