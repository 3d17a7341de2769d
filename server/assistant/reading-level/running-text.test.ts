import { describe, expect, test } from 'vitest'
import { runningText } from './running-text.ts'

const WORKSHEET = `# Der Wasserkreislauf

Name: __________ Klasse: ______ Datum: ________

Die Sonne erwärmt das Wasser im Meer. Es verdunstet und steigt auf.

| Begriff | Bedeutung |
|---|---|
| Verdunstung | Wasser wird zu Dampf |

$$E = m \\cdot c^2$$

## Aufgabe 1: Lies den Text genau

Beschreibe den Weg eines Wassertropfens mit **eigenen** Worten.

{{lines:4}}

- Wolke
- Regen fällt auf die Erde und versickert.

\`\`\`
code that is not prose at all
\`\`\`

## Lösungen

1. Der Tropfen verdunstet, kondensiert in der Wolke und fällt als Regen.
`

describe('runningText', () => {
  const text = runningText(WORKSHEET)

  test('keeps passages, task instructions and list items that are sentences', () => {
    expect(text.split('\n\n')).toEqual([
      'Die Sonne erwärmt das Wasser im Meer. Es verdunstet und steigt auf.',
      'Beschreibe den Weg eines Wassertropfens mit eigenen Worten.',
      'Regen fällt auf die Erde und versickert.',
    ])
  })

  test('leaves out the answer key, headings, tables, formulas, code, answer lines, the name line and fragments', () => {
    for (const gone of [
      'Lösungen',
      'kondensiert',
      'Wasserkreislauf',
      'Aufgabe',
      'Begriff',
      'Verdunstung',
      'E = m',
      'code',
      'lines',
      'Name',
      'Wolke',
    ]) {
      expect(text).not.toContain(gone)
    }
  })

  test('drops inline math and keeps link text', () => {
    expect(runningText('Berechne $x^2$ für den [Würfel](https://example.org) mit der Kante drei.')).toBe(
      'Berechne für den Würfel mit der Kante drei.',
    )
  })

  test('gives nothing for a body with no prose', () => {
    expect(runningText('# Titel\n\n| a | b |\n|---|---|\n\n{{lines:3}}')).toBe('')
  })
})
