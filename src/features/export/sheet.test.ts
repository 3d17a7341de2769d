import { describe, expect, it } from 'vitest'
import { layoutOf, toSheet } from './sheet.ts'

const WORKSHEET = `# Brüche

Lies den Text.

## Aufgabe 1: Kürze

Kürze 4/8.
{{lines:3}}

## Aufgabe 2

Erkläre.
{{ lines: 2 }}
Danke.

## Lösungen

1. 1/2
2. …`

describe('toSheet', () => {
  it('splits a worksheet into intro, tasks with answer lines, and the answer key', () => {
    const sheet = toSheet(WORKSHEET, layoutOf('worksheet'))
    expect(sheet.parts).toEqual([
      { isTask: false, blocks: [{ type: 'markdown', text: '# Brüche\n\nLies den Text.' }] },
      {
        isTask: true,
        blocks: [
          { type: 'markdown', text: '## Aufgabe 1: Kürze\n\nKürze 4/8.' },
          { type: 'lines', count: 3 },
        ],
      },
      {
        isTask: true,
        blocks: [
          { type: 'markdown', text: '## Aufgabe 2\n\nErkläre.' },
          { type: 'lines', count: 2 },
          { type: 'markdown', text: 'Danke.' },
        ],
      },
    ])
    expect(sheet.answerKey).toEqual([{ type: 'markdown', text: '## Lösungen\n\n1. 1/2\n2. …' }])
  })

  it('keeps a kind without tasks, lines or answer key as one part, markers as a short rule', () => {
    const sheet = toSheet('## Aufgabe 1\n{{lines:2}}\n## Lösungen\nx', layoutOf('parent-letter'))
    expect(sheet.answerKey).toBeNull()
    expect(sheet.parts).toHaveLength(1)
    expect(sheet.parts[0]!.blocks).toEqual([
      { type: 'markdown', text: `## Aufgabe 1\n${'\\_'.repeat(30)}\n## Lösungen\nx` },
    ])
  })

  it('ends a task at another level-2 heading and ignores headings inside code fences', () => {
    const sheet = toSheet('## Aufgabe 1\na\n```\n## Aufgabe 2\n```\n## Material\nb', layoutOf('worksheet'))
    expect(sheet.parts.map((p) => p.isTask)).toEqual([true, false])
    expect(sheet.parts[0]!.blocks[0]).toEqual({
      type: 'markdown',
      text: '## Aufgabe 1\na\n```\n## Aufgabe 2\n```',
    })
  })

  it('lays out an unknown kind plainly', () => {
    expect(layoutOf('mindmap')).toEqual({
      headerLine: false,
      tasks: false,
      answerLines: false,
      answerKey: false,
    })
  })
})
