// The personal-data hint's cost while typing: detectPersonalData on prompts of 8,000 characters (the
// composer's limit), ordinary and full of names, median and p95 of 200 runs; plus the scores on the
// tuning corpus and the held-out one. `npm run bench -- privacy-hint`, or standalone with tsx.

import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { scoreCorpus } from '../src/features/privacy/corpus-score.ts'
import { detectPersonalData } from '../src/features/privacy/detect-personal-data.ts'
import { HELD_OUT_CORPUS, HELD_OUT_ORDINARY } from '../src/features/privacy/held-out-corpus.ts'
import { CORPUS, ORDINARY_PROMPTS, PERSONAL_PROMPTS } from '../src/features/privacy/prompt-corpus.ts'

const LENGTH = 8_000
const RUNS = 200

function fill(prompts: readonly { prompt: string }[]): string {
  let text = ''
  for (let i = 0; text.length < LENGTH; i++) text += `${prompts[i % prompts.length]?.prompt}\n`
  return text.slice(0, LENGTH)
}

function time(text: string): { median_ms: number; p95_ms: number; max_ms: number; findings: number } {
  for (let i = 0; i < 20; i++) detectPersonalData(text) // warm up the JIT
  const ms: number[] = []
  let findings = 0
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    findings = detectPersonalData(text).length
    ms.push(performance.now() - t)
  }
  ms.sort((a, b) => a - b)
  const at = (q: number) =>
    Math.round((ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0) * 1000) / 1000
  return { median_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1), findings }
}

export async function benchPrivacyHint(): Promise<Record<string, unknown>> {
  const score = scoreCorpus(CORPUS)
  const held = scoreCorpus(HELD_OUT_CORPUS)
  return {
    characters: LENGTH,
    runs: RUNS,
    ordinary_8000: time(fill(ORDINARY_PROMPTS)),
    with_names_8000: time(fill(PERSONAL_PROMPTS)),
    corpus: {
      prompts: score.prompts,
      precision: Math.round(score.precision * 1000) / 1000,
      recall: Math.round(score.recall * 1000) / 1000,
      false_alarm_prompts: scoreCorpus(ORDINARY_PROMPTS).falseAlarmPrompts,
      ordinary_prompts: ORDINARY_PROMPTS.length,
    },
    // Never tuned on (src/features/privacy/held-out-corpus.ts): the honest figures.
    held_out: {
      prompts: held.prompts,
      precision: Math.round(held.precision * 1000) / 1000,
      recall: Math.round(held.recall * 1000) / 1000,
      false_alarm_prompts: scoreCorpus(HELD_OUT_ORDINARY).falseAlarmPrompts,
      ordinary_prompts: HELD_OUT_ORDINARY.length,
    },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchPrivacyHint()
  const report = {
    name: 'privacy-hint',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    results,
  }
  writeFileSync('bench/results/privacy-hint.json', `${JSON.stringify(report, null, 2)}\n`)
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
}
