import { describe, expect, test } from 'vitest'
import { measureText, splitSentences, splitWords } from './text-stats.ts'

describe('splitSentences', () => {
  test('ends a sentence at a full stop, question or exclamation mark before a capital', () => {
    expect(splitSentences('Der Igel schläft. Wann wacht er auf? Im Frühling!')).toEqual([
      'Der Igel schläft.',
      'Wann wacht er auf?',
      'Im Frühling!',
    ])
  })

  test('does not end a sentence at an abbreviation or an ordinal', () => {
    expect(splitSentences('Tiere, z. B. Igel, schlafen im Winter. Am 3. März wachen sie auf.')).toHaveLength(
      2,
    )
    expect(splitSentences('Im 19. Jahrhundert wuchsen die Städte usw. Das war neu.')).toHaveLength(2)
  })

  test('ends a sentence after a year and after closing quotes', () => {
    expect(splitSentences('Die Mauer fiel 1989. Danach kam die Einheit.')).toHaveLength(2)
    expect(splitSentences('Mama ruft: „Kommt rein!“ Die Kinder laufen.')).toHaveLength(2)
  })

  test('ends a sentence at a blank line even without a stop', () => {
    expect(splitSentences('Lies den Text\n\nBeantworte die Fragen')).toEqual([
      'Lies den Text',
      'Beantworte die Fragen',
    ])
  })
})

describe('splitWords', () => {
  test('counts a hyphenated compound as one word and skips numbers', () => {
    expect(splitWords('Der Nord-Süd-Konflikt begann 1950 – oder später.')).toEqual([
      'Der',
      'Nord-Süd-Konflikt',
      'begann',
      'oder',
      'später',
    ])
  })
})

describe('measureText', () => {
  test('counts syllables, long, polysyllabic and monosyllabic words', () => {
    // Der(1) Igel(2) frisst(1) Käfer(2). Die(1) Fotosynthese(5) braucht(1) Sonnenlicht(3).
    expect(measureText('Der Igel frisst Käfer. Die Fotosynthese braucht Sonnenlicht.', 'de')).toEqual({
      sentences: 2,
      words: 8,
      syllables: 16,
      polysyllables: 2,
      monosyllables: 4,
      longWords: 3,
    })
  })
})
