import { describe, expect, test } from 'vitest'
import { answerLineCount, splitAnswerKey, TASK_HEADING } from './conventions.ts'

describe('material conventions', () => {
  test('reads answer-line markers and caps them', () => {
    expect(answerLineCount('{{lines:3}}')).toBe(3)
    expect(answerLineCount('  {{ lines : 2 }} ')).toBe(2)
    expect(answerLineCount('{{lines:99}}')).toBe(20)
    expect(answerLineCount('Schreibe {{lines:3}}')).toBeNull()
  })

  test('splits the answer key at its heading and keeps the heading with it', () => {
    const body = '## Aufgabe 1\nRechne.\n{{lines:2}}\n\n## Lösungen\n1. 42'
    expect(splitAnswerKey(body)).toEqual({
      main: '## Aufgabe 1\nRechne.\n{{lines:2}}',
      answerKey: '## Lösungen\n1. 42',
    })
    expect(splitAnswerKey('## Aufgabe 1\nohne Lösung').answerKey).toBeNull()
  })

  test('knows task headings in German and English', () => {
    expect(TASK_HEADING.test('## Aufgabe 3: Bruchrechnung')).toBe(true)
    expect(TASK_HEADING.test('## Task 1')).toBe(true)
    expect(TASK_HEADING.test('## Einleitung')).toBe(false)
  })
})
