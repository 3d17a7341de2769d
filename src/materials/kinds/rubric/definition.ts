import type { MaterialKind } from '../../kind.ts'

export const rubric: MaterialKind = {
  id: 'rubric',
  label: { de: 'Bewertungsbogen', en: 'Rubric' },
  guidance: 'Bewertungsbogen oder Kriterienraster: eine Tabelle mit Kriterien, Stufen und Punkten.',
  layout: { headerLine: true, tasks: false, answerLines: false, answerKey: false },
}
