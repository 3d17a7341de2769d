import { describe, expect, it } from 'vitest'
import { snippetAround } from './snippet.ts'

describe('snippetAround', () => {
  it('cuts around the first case-insensitive match with ellipses', () => {
    const text = `${'x'.repeat(100)} Bruchrechnung ${'y'.repeat(100)}`
    const snippet = snippetAround(text, 'bruch', 10)
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet).toContain('Bruchrechnung')
    expect(snippet.length).toBeLessThan(40)
  })

  it('returns short text whole and on one line', () => {
    expect(snippetAround('Quiz\nzur   Revolution', 'quiz')).toBe('Quiz zur Revolution')
  })

  it('falls back to the start when the term is not found literally', () => {
    expect(snippetAround('Arbeitsblatt Klasse 6', 'Arbeits%6', 5)).toBe('Arbeitsbla…')
  })
})
