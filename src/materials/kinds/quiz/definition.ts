import type { MaterialKind } from '../../kind.ts'

export const quiz: MaterialKind = {
  id: 'quiz',
  label: { de: 'Quiz', en: 'Quiz' },
  guidance:
    'Quiz: nummerierte Fragen (Multiple Choice mit a) b) c) oder kurze Antwort), am Ende die Lösungen.',
  layout: { headerLine: true, tasks: true, answerLines: true, answerKey: true },
}
