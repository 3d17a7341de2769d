// Scores the detector on the prompt corpus: a finding is right when it matches a marked piece of
// personal data (same text, or one containing the other: "Lena" for "Lenas"). Shared by the test and the bench.

import { detectPersonalData, type Finding } from './detect-personal-data.ts'
import type { CorpusPrompt } from './prompt-corpus.ts'

export interface CorpusScore {
  prompts: number
  truePositives: number
  falsePositives: number
  falseNegatives: number
  precision: number
  recall: number
  /** Prompts without personal data that got any finding. */
  falseAlarmPrompts: number
  mistakes: Array<{ prompt: string; extra: string[]; missed: string[] }>
}

export function scoreCorpus(corpus: readonly CorpusPrompt[], detect = detectPersonalData): CorpusScore {
  let tp = 0
  let fp = 0
  let fn = 0
  let falseAlarmPrompts = 0
  const mistakes: CorpusScore['mistakes'] = []
  for (const { prompt, personal } of corpus) {
    const found: Finding[] = detect(prompt)
    const open = [...personal]
    const extra: string[] = []
    for (const f of found) {
      const i = open.findIndex((p) => p === f.text || p.includes(f.text) || f.text.includes(p))
      if (i >= 0) {
        open.splice(i, 1)
        tp++
      } else extra.push(f.text)
    }
    fp += extra.length
    fn += open.length
    if (personal.length === 0 && found.length > 0) falseAlarmPrompts++
    if (extra.length || open.length) mistakes.push({ prompt, extra, missed: open })
  }
  return {
    prompts: corpus.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp / Math.max(1, tp + fp),
    recall: tp / Math.max(1, tp + fn),
    falseAlarmPrompts,
    mistakes,
  }
}
