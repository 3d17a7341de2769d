import { describe, expect, it } from 'vitest'
import { diffVersions } from './version-diff.ts'

const lines = (n: number, prefix = 'Zeile') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`)

describe('diffVersions', () => {
  it('finds no change between identical bodies', () => {
    const body = '# Brüche\n\n## Aufgabe 1\nRechne 1/2 + 1/4.'
    expect(diffVersions(body, body)).toEqual({ rows: [], added: 0, removed: 0 })
  })

  it('marks a replaced line as removed and added, with only the changed words highlighted', () => {
    const diff = diffVersions(
      '## Aufgabe 1\nRechne leichte Aufgaben.\n',
      '## Aufgabe 1\nRechne schwere Aufgaben.\n',
    )
    expect(diff.added).toBe(1)
    expect(diff.removed).toBe(1)
    const removed = diff.rows.find((r) => r.kind === 'removed')
    const added = diff.rows.find((r) => r.kind === 'added')
    expect(removed && 'segments' in removed && removed.segments.filter((s) => s.isChanged)).toEqual([
      { text: 'leichte', isChanged: true },
    ])
    expect(added && 'segments' in added && added.segments.filter((s) => s.isChanged)).toEqual([
      { text: 'schwere', isChanged: true },
    ])
    expect(added && 'text' in added && added.text).toBe('Rechne schwere Aufgaben.')
  })

  it('shows added and removed lines in order, with the unchanged line between them', () => {
    const diff = diffVersions('A\nB\nC', 'B\nC\nD')
    expect(diff.rows.map((r) => (r.kind === 'folded' ? `…${r.count}` : `${r.kind}:${r.text}`))).toEqual([
      'removed:A',
      'same:B',
      'same:C',
      'added:D',
    ])
  })

  it('folds long unchanged stretches, keeping two lines of context around each change', () => {
    const older = lines(20).join('\n')
    const newer = lines(20)
      .map((l, i) => (i === 9 ? 'Geändert' : l))
      .join('\n')
    const diff = diffVersions(older, newer)
    expect(diff.rows.map((r) => (r.kind === 'folded' ? `…${r.count}` : r.text))).toEqual([
      '…7',
      'Zeile 8',
      'Zeile 9',
      'Zeile 10',
      'Geändert',
      'Zeile 11',
      'Zeile 12',
      '…8',
    ])
  })
})
