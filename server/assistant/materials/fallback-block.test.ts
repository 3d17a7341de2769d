import { describe, expect, test } from 'vitest'
import { FallbackBlocks } from './fallback-block.ts'

const TEXT =
  'Hier ist das Blatt.\n:::material {"kind":"worksheet","title":"Brüche"}\n## Aufgabe 1\nKürze 2/4.\n:::\nViel Spaß!'

/** The text fed in pieces of `size`: the prose as it streamed, and the parser. */
function feed(text: string, size: number) {
  const blocks = new FallbackBlocks()
  let prose = ''
  for (let k = 0; k < text.length; k += size) prose += blocks.push(text.slice(k, k + size))
  prose += blocks.end()
  return { prose, blocks }
}

describe('FallbackBlocks', () => {
  test.each([1, 3, 7, 1000])('cuts the block out of the text, whatever the pieces (%i chars)', (size) => {
    const { prose, blocks } = feed(TEXT, size)
    expect(prose).toBe('Hier ist das Blatt.\n*Material: Brüche*\nViel Spaß!')
    expect(blocks.blocks()).toEqual([
      {
        callId: 'block-1',
        header: { kind: 'worksheet', title: 'Brüche' },
        body: '## Aufgabe 1\nKürze 2/4.',
        closed: true,
      },
    ])
  })

  test('prose streams before its line ends; a line that may become a fence waits', () => {
    const blocks = new FallbackBlocks()
    expect(blocks.push('Hallo Wel')).toBe('Hallo Wel')
    expect(blocks.push('t\n::')).toBe('t\n')
    expect(blocks.push(':materi')).toBe('')
    expect(blocks.push('al {"title":"X","kind":"quiz"}\nFrage')).toBe('*Material: X*\n')
    expect(blocks.drafts()).toEqual([
      { callId: 'block-1', action: 'create', artifactId: undefined, kind: 'quiz', title: 'X', body: 'Frage' },
    ])
  })

  test('a revision block names its artifact; an unclosed block ends with the text', () => {
    const { prose, blocks } = feed(':::material {"artifactId":"a1","note":"kürzer"}\nNeu', 4)
    expect(prose).toBe('*Material: ohne Titel*\n')
    expect(blocks.drafts()[0]).toMatchObject({ action: 'revise', artifactId: 'a1', body: 'Neu' })
    expect(blocks.blocks()[0]!.closed).toBe(false)
  })

  test('a header that is not JSON is kept as undefined, for the check to refuse', () => {
    const { blocks } = feed(':::material kaputt\nText\n:::\n', 5)
    expect(blocks.blocks()[0]).toMatchObject({ header: undefined, body: 'Text' })
  })
})
