import { describe, expect, test } from 'vitest'
import { assessMaterial, betterAttempt } from './assess.ts'

const HARD = `## Aufgabe 1

Die Fotosynthese bezeichnet den biochemischen Prozess, durch den grüne Pflanzen unter Verwendung der Lichtenergie aus Kohlenstoffdioxid und Wasser energiereiche organische Verbindungen synthetisieren, wobei als Nebenprodukt molekularer Sauerstoff freigesetzt wird. Erläutere die Bedeutung dieses Stoffwechselvorgangs für die Energieversorgung nahezu sämtlicher heterotropher Organismen einschließlich des Menschen. Beurteile anschließend die Auswirkungen einer großflächigen Rodung tropischer Regenwälder auf die Zusammensetzung der Atmosphäre.`

const EASY = `## Aufgabe 1

Pflanzen machen ihr Essen selbst. Sie brauchen dafür Licht, Wasser und Luft. Das Wasser holen sie mit den Wurzeln aus dem Boden. Die Luft kommt durch kleine Löcher in die Blätter. Mit dem Licht der Sonne machen sie daraus Zucker. Dabei geben sie Sauerstoff ab. Den brauchen wir zum Atmen. Schreibe auf: Was braucht eine Pflanze?`

describe('assessMaterial', () => {
  test('measures a grade-5 worksheet that reads like the Oberstufe as too hard, with advice', () => {
    const a = assessMaterial({ body: HARD, language: 'de', grade: '5' })
    expect(a.readingLevel.formula).toBe('wstf')
    expect(a.readingLevel.grade).toBeGreaterThan(10)
    expect(a.gap).toBe('too-hard')
    expect(a.guidance).toContain('Ziel ist Klasse 5')
  })

  test('finds a plain text on target for grade 3 and gives no advice', () => {
    const a = assessMaterial({ body: EASY, language: 'de', grade: '3' })
    expect(a.gap).toBeNull()
    expect(a.guidance).toBeNull()
  })

  test('stores a JSON-serialisable level with its version tag', () => {
    const { readingLevel } = assessMaterial({ body: EASY, language: 'de' })
    expect(JSON.parse(JSON.stringify(readingLevel))).toEqual(readingLevel)
    expect(readingLevel).toMatchObject({ v: 4, countedText: 'tasks+passages' })
  })
})

describe('betterAttempt', () => {
  test('keeps the attempt closer to the target', () => {
    const first = assessMaterial({ body: HARD, language: 'de', grade: '5' })
    const second = assessMaterial({ body: EASY, language: 'de', grade: '5' })
    expect(betterAttempt(first, second, first.target)).toBe(second)
    expect(betterAttempt(second, first, first.target)).toBe(second)
  })

  test('keeps the first when the second is too short to judge', () => {
    const first = assessMaterial({ body: HARD, language: 'de', grade: '5' })
    const second = assessMaterial({ body: 'Lies den Text.', language: 'de', grade: '5' })
    expect(betterAttempt(first, second, first.target)).toBe(first)
  })
})
