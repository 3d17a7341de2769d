import type { MaterialKind } from '../../kind.ts'

export const lessonPlan: MaterialKind = {
  id: 'lesson-plan',
  label: { de: 'Unterrichtsentwurf', en: 'Lesson plan' },
  guidance:
    'Unterrichtsentwurf oder Stundenverlauf: Ziele, Verlauf als Tabelle (Phase, Zeit, Inhalt, Sozialform, Medien), Material, Differenzierung.',
  layout: { headerLine: false, tasks: false, answerLines: false, answerKey: false },
}
