import { expect, test } from 'vitest'
import { dedupeById } from './dedupe-by-id.ts'

test('keeps the first occurrence of each id, in order', () => {
  const rows = [
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
    { id: 'a', n: 3 },
    { id: 'c', n: 4 },
  ]
  expect(dedupeById(rows)).toEqual([
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
    { id: 'c', n: 4 },
  ])
})
