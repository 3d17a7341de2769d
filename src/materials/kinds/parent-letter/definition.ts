import type { MaterialKind } from '../../kind.ts'

export const parentLetter: MaterialKind = {
  id: 'parent-letter',
  label: { de: 'Elternbrief', en: 'Parent letter' },
  guidance:
    'Elternbrief: Anrede, klarer Anlass, Termine und Bitten, freundlicher Gruß; ohne Namen von Kindern.',
  layout: { headerLine: false, tasks: false, answerLines: false, answerKey: false },
}
