import type { MaterialKind } from '../../kind.ts'

export const exam: MaterialKind = {
  id: 'exam',
  label: { de: 'Klassenarbeit', en: 'Exam' },
  guidance:
    'Klassenarbeit oder Test: nummerierte Aufgaben mit Punkten, Antwortzeilen, Bewertungsschlüssel und Lösungen am Ende.',
  layout: { headerLine: true, tasks: true, answerLines: true, answerKey: true },
}
