// The "Varianten" section of an original: each differentiated variant with its level, linked, and
// how its newest version's reading level fits.

import { useId } from 'react'
import { Link } from 'wouter'
import type { ArtifactRef } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { LEVEL_FITS } from '../../materials/reading-level.ts'
import { ReadingLevelInfo } from '../library/index.ts'
import { useSettings } from '../settings/index.ts'
import { byLevel, levelLabel } from './material-labels.ts'

export function VariantList({
  variants,
  hrefFor,
}: {
  variants: readonly ArtifactRef[]
  hrefFor: (artifactId: string) => string
}) {
  const t = useT()
  const language = useSettings((s) => s.language)
  const headingId = useId()
  if (variants.length === 0) return null
  return (
    <section className="material-variants" aria-labelledby={headingId} data-testid="material-variants">
      <h3 id={headingId} className="material-section__title">
        {t('material.variants')}
      </h3>
      <ul className="material-variants__list">
        {byLevel(variants).map((v) => (
          <li key={v.id} data-testid="material-variant">
            <Link href={hrefFor(v.id)} className="material-variants__link">
              {v.level && <span className="material-level">{levelLabel(v.level, language)}</span>}
              <span>{v.title.trim() || t('artifact.untitled')}</span>
            </Link>
            {typeof v.readingGrade === 'number' && (
              <ReadingLevelInfo
                grade={v.readingGrade}
                fit={LEVEL_FITS.find((f) => f === v.levelFit)}
                formula={v.language?.startsWith('en') ? 'fk' : 'wstf'}
                testId="variant-reading-level"
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
