// A material's facts as a description list: kind, level, the original a variant was made from,
// subject, grade, the shown version's reading level and when it last changed.

import { Link } from 'wouter'
import type { Artifact, ArtifactRef } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { formatDateTime } from '../../lib/dates.ts'
import type { LevelReading } from '../../materials/reading-level.ts'
import { ReadingLevelInfo } from '../library/index.ts'
import { useSettings } from '../settings/index.ts'
import { kindLabel, levelLabel } from './material-labels.ts'

export interface MaterialMetaProps {
  artifact: Artifact
  variantOf: ArtifactRef | undefined
  /** The shown version's reading level against the class (absent until measured). */
  reading: LevelReading | undefined
  hrefFor: (artifactId: string) => string
}

export function MaterialMeta({ artifact, variantOf, reading, hrefFor }: MaterialMetaProps) {
  const t = useT()
  const language = useSettings((s) => s.language)
  const updated = formatDateTime(artifact.updatedAt, language)
  return (
    <dl className="artifact__meta">
      <div>
        <dt>{t('artifact.kind')}</dt>
        <dd>{kindLabel(artifact.kind, language)}</dd>
      </div>
      {artifact.level && (
        <div>
          <dt>{t('material.level')}</dt>
          <dd data-testid="material-level">{levelLabel(artifact.level, language)}</dd>
        </div>
      )}
      {variantOf && (
        <div>
          <dt>{t('material.variantOf')}</dt>
          <dd>
            <Link href={hrefFor(variantOf.id)} data-testid="material-original">
              {variantOf.title.trim() || t('artifact.untitled')}
            </Link>
          </dd>
        </div>
      )}
      {artifact.subject && (
        <div>
          <dt>{t('artifact.subject')}</dt>
          <dd>{artifact.subject}</dd>
        </div>
      )}
      {artifact.grade && (
        <div>
          <dt>{t('artifact.grade')}</dt>
          <dd>{artifact.grade}</dd>
        </div>
      )}
      {reading && (
        <div className="artifact__reading">
          <dt>{t('reading.label')}</dt>
          <dd>
            <ReadingLevelInfo
              grade={reading.grade}
              fit={reading.fit}
              target={reading.target?.grade}
              formula={reading.formula}
              scores={reading.scores}
              testId="material-reading-level"
            />
          </dd>
        </div>
      )}
      {updated && (
        <div>
          <dt>{t('artifact.updated')}</dt>
          <dd>{updated}</dd>
        </div>
      )}
    </dl>
  )
}
