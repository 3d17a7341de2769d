import type { MaterialKind } from '../../kind.ts'

export const tasks: MaterialKind = {
  id: 'tasks',
  label: { de: 'Aufgaben mit Lösungen', en: 'Tasks with solutions' },
  guidance:
    'Aufgabensammlung (Übung, Hausaufgabe, Station): nummerierte Aufgaben, Antwortzeilen wo nötig, Lösungen am Ende.',
  layout: { headerLine: true, tasks: true, answerLines: true, answerKey: true },
}
