// A material's reading level in words ("Lesestufe ≈ Klasse 6 — passt zu Klasse 6"), with the plain
// explanation of what the number means on tap, keyboard or hover. Shown on the material, each
// library row and each variant; the facts come from src/materials/reading-level.ts.

import './reading-level.css'
import { useT } from '../../i18n/index.ts'
import type { FormulaScores, LevelFit } from '../../materials/reading-level.ts'
import { useSettings } from '../settings/index.ts'

export interface ReadingLevelInfoProps {
  grade: number
  fit: LevelFit | undefined
  /** The grade aimed at; without it the fit is said in one word ("passt"). */
  target?: number | undefined
  formula: 'wstf' | 'fk'
  /** The formulas' own values, listed in the explanation when known (the material view has them). */
  scores?: FormulaScores | undefined
  testId?: string
}

const SCORE_ORDER = ['wstf', 'lix', 'fleschAmstad', 'fleschKincaid', 'fleschReadingEase'] as const

export function ReadingLevelInfo({ grade, fit, target, formula, scores, testId }: ReadingLevelInfoProps) {
  const t = useT()
  const language = useSettings((s) => s.language)
  const number = (n: number, digits: number) =>
    n.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits })
  const gradeText = t('reading.grade', { grade: number(grade, 0) })
  const fitText = !fit
    ? ''
    : target === undefined
      ? t(`reading.short.${fit}`)
      : t(`reading.${fit}`, { target: number(target, 1) })
  const listed = SCORE_ORDER.flatMap((key) => {
    const value = scores?.[key]
    return value === undefined ? [] : [`${t(`reading.score.${key}`)} ${number(value, 1)}`]
  })
  const explanation = [
    t(formula === 'fk' ? 'reading.explain.fk' : 'reading.explain.wstf'),
    ...(listed.length ? [t('reading.scores', { list: listed.join(' · ') })] : []),
    t('reading.explain.fit'),
    t('reading.explain.hint'),
  ]
  return (
    <details className="reading-level" data-testid={testId} data-fit={fit ?? 'unknown'}>
      <summary className="reading-level__summary" title={explanation.join(' ')}>
        <span>{gradeText}</span>
        {fitText && <span className={`reading-level__fit reading-level__fit--${fit}`}> — {fitText}</span>}
        <span className="reading-level__more">
          <span aria-hidden="true">ⓘ</span>
          <span className="visually-hidden">{t('reading.explain')}</span>
        </span>
      </summary>
      <div className="reading-level__explain">
        {explanation.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </div>
    </details>
  )
}
