// The difference between two versions of a material, line by line (jsdiff's line diff), with the
// changed words marked inside a line that was replaced, and long unchanged stretches folded. Pure.

import { diffLines, diffWordsWithSpace } from 'diff'

export interface DiffSegment {
  text: string
  /** Part of the change (removed from the old line, or added in the new one). */
  isChanged: boolean
}

/** `at`: the row's place in the whole diff, a stable key for the row. */
export type DiffRow =
  | { kind: 'same' | 'added' | 'removed'; at: number; text: string; segments: DiffSegment[] }
  /** `count` unchanged lines left out between two changes. */
  | { kind: 'folded'; at: number; count: number }

export interface VersionDiff {
  rows: DiffRow[]
  added: number
  removed: number
}

/** Unchanged lines kept on each side of a change; longer stretches are folded. */
export const CONTEXT_LINES = 2

function splitLines(value: string): string[] {
  const lines = value.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

function withFinalNewline(value: string): string {
  return value === '' || value.endsWith('\n') ? value : `${value}\n`
}

function whole(text: string, isChanged: boolean): DiffSegment[] {
  return [{ text, isChanged }]
}

/** Marks the changed words of a line replaced by another: each side shows only its own words. */
function wordSegments(before: string, after: string): { removed: DiffSegment[]; added: DiffSegment[] } {
  const removed: DiffSegment[] = []
  const added: DiffSegment[] = []
  for (const part of diffWordsWithSpace(before, after)) {
    if (!part.added) removed.push({ text: part.value, isChanged: part.removed })
    if (!part.removed) added.push({ text: part.value, isChanged: part.added })
  }
  return { removed, added }
}

/** Every line of `older` → `newer` as same / removed / added rows, before folding. */
type LineRow = Omit<Exclude<DiffRow, { kind: 'folded' }>, 'at'>

function diffRows(older: string, newer: string): LineRow[] {
  const rows: LineRow[] = []
  // A last line without a newline is the same line as with one.
  const parts = diffLines(withFinalNewline(older), withFinalNewline(newer))
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const lines = splitLines(part.value)
    const next = parts[i + 1]
    // A removed block followed by an added one of the same length is a set of replaced lines.
    if (part.removed && next?.added && splitLines(next.value).length === lines.length) {
      const addedLines = splitLines(next.value)
      const pairs = lines.map((line, j) => wordSegments(line, addedLines[j] ?? ''))
      lines.forEach((text, j) => {
        rows.push({ kind: 'removed', text, segments: pairs[j]!.removed })
      })
      addedLines.forEach((text, j) => {
        rows.push({ kind: 'added', text, segments: pairs[j]!.added })
      })
      i++
      continue
    }
    const kind = part.added ? 'added' : part.removed ? 'removed' : 'same'
    for (const text of lines) rows.push({ kind, text, segments: whole(text, kind !== 'same') })
  }
  return rows
}

/** The diff of two bodies; `older` is the "from" side. Identical bodies give no changed rows. */
export function diffVersions(older: string, newer: string): VersionDiff {
  const all = diffRows(older, newer)
  const near = all.map(() => false)
  all.forEach((row, i) => {
    if (row.kind === 'same') return
    for (let j = Math.max(0, i - CONTEXT_LINES); j <= Math.min(all.length - 1, i + CONTEXT_LINES); j++) {
      near[j] = true
    }
  })
  const rows: DiffRow[] = []
  let folded = 0
  all.forEach((row, i) => {
    if (near[i]) {
      if (folded) rows.push({ kind: 'folded', at: i - folded, count: folded })
      folded = 0
      rows.push({ ...row, at: i })
    } else folded++
  })
  if (folded && rows.length) rows.push({ kind: 'folded', at: all.length - folded, count: folded })
  return {
    rows,
    added: all.filter((r) => r.kind === 'added').length,
    removed: all.filter((r) => r.kind === 'removed').length,
  }
}
