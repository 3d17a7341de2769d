import type { MaterialKind } from '../../kind.ts'

export const worksheet: MaterialKind = {
  id: 'worksheet',
  label: { de: 'Arbeitsblatt', en: 'Worksheet' },
  guidance:
    'Arbeitsblatt zum Ausdrucken: kurzer Einstieg oder Text, nummerierte Aufgaben mit Antwortzeilen, am Ende die Lösungen.',
  layout: { headerLine: true, tasks: true, answerLines: true, answerKey: true },
}
