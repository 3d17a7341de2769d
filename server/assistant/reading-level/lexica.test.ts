// The German grade on texts we did not write: 30 topics, each as a MiniKlexikon article (beginning
// readers), a Klexikon article (children 6–12) and a Wikipedia introduction (adults), corpus/de-lexica
// (CC BY-SA, SOURCES.md). The publishers name levels, not per-text grades, so no ±1 share is possible;
// what is asserted is that the grade rises with the publisher's level on every topic. Nothing is fitted here.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { measureReadingLevel } from './measure.ts'

const LEVELS = ['miniklexikon', 'klexikon', 'wikipedia'] as const
type Level = (typeof LEVELS)[number]
interface Source {
  title: string
  url: string
  text: string
}
type Topic = { id: number } & Record<Level, Source>

const topics = JSON.parse(
  readFileSync(join(import.meta.dirname, 'corpus', 'de-lexica', 'lexica.json'), 'utf8'),
) as Topic[]
const measured = topics.map((t) => ({
  id: t.id,
  title: t.klexikon.title,
  level: Object.fromEntries(LEVELS.map((l) => [l, measureReadingLevel(t[l].text, 'de')])) as Record<
    Level,
    ReturnType<typeof measureReadingLevel>
  >,
}))
const grades = (l: Level) => measured.map((m) => m.level[l].grade ?? 0)
/** The school grades the publisher's stated audience means (SOURCES.md); Wikipedia names none. */
const AUDIENCE: Record<Level, { says: string; grades: [number, number] | null }> = {
  miniklexikon: { says: 'beginning readers, "bis zur dritten Klasse"', grades: [1, 3] },
  klexikon: { says: 'children aged 6–10 (2014) / 6–12', grades: [1, 6] },
  wikipedia: { says: 'adults (introduction only)', grades: null },
}

function quantile(sorted: number[], p: number): number {
  return sorted[Math.round(p * (sorted.length - 1))]!
}

describe('German grade on independent texts at three publisher levels (corpus/de-lexica)', () => {
  test('holds 30 topics, each level at least 80 counted words', () => {
    expect(topics).toHaveLength(30)
    for (const m of measured) {
      for (const l of LEVELS) expect(m.level[l].words, `${m.title} (${l})`).toBeGreaterThanOrEqual(80)
    }
  })

  test('the grade rises from MiniKlexikon to Klexikon to Wikipedia on every topic (distribution printed)', () => {
    const lines = LEVELS.map((l) => {
      const g = [...grades(l)].sort((a, b) => a - b)
      const band = AUDIENCE[l].grades
      const inBand = band
        ? `   within the audience's grades ${band[0]}–${band[1]} (+1): ${g.filter((x) => x <= band[1] + 1).length}/${g.length}`
        : ''
      return (
        `${l.padEnd(13)} min ${g[0]!.toFixed(1)}  p25 ${quantile(g, 0.25).toFixed(1)}  median ${quantile(g, 0.5).toFixed(1)}  ` +
        `p75 ${quantile(g, 0.75).toFixed(1)}  max ${g[g.length - 1]!.toFixed(1)}   audience: ${AUDIENCE[l].says}${inBand}`
      )
    })
    const perTopic = measured.map(
      (m) =>
        `${m.title.padEnd(36)} ${LEVELS.map((l) => String(m.level[l].grade).padStart(5)).join('')}` +
        `   (${LEVELS.map((l) => m.level[l].wordsPerSentence).join(' / ')} words per sentence)`,
    )
    console.log(
      `\nCalibrated grade on ${measured.length} topics at three publisher levels\n${lines.join('\n')}\n` +
        `\ntopic (Klexikon title)                mini  klex  wiki\n${perTopic.join('\n')}`,
    )
    for (const m of measured) {
      expect(m.level.miniklexikon.grade!, m.title).toBeLessThan(m.level.klexikon.grade!)
      expect(m.level.klexikon.grade!, m.title).toBeLessThan(m.level.wikipedia.grade!)
    }
    // The levels barely overlap: no Wikipedia introduction measures as easy as any Klexikon article.
    expect(Math.min(...grades('wikipedia'))).toBeGreaterThan(Math.max(...grades('klexikon')))
  })
})
