// One artifact in the library list: its title links to the artifact view; kind, subject, grade and
// the last change below it. The whole row is clickable, but only the title is the link's name.

import { Link } from 'wouter'
import type { Artifact } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { formatActivity } from '../../lib/dates.ts'
import { paths } from '../../lib/routes.ts'
import { useSettings } from '../settings/index.ts'
import { kindLabelKey, toIsoDate } from './artifact-labels.ts'

export function ArtifactItem({ artifact, now }: { artifact: Artifact; now: Date }) {
  const t = useT()
  const locale = useSettings((s) => s.language)
  const kindKey = kindLabelKey(artifact.kind)
  const updated = toIsoDate(artifact.updatedAt)

  return (
    <li className="library-item" data-testid="artifact-item" data-artifact-id={artifact.id}>
      <Link href={paths.artifact(artifact.id)} className="library-item__link">
        {artifact.title.trim() || t('artifact.untitled')}
      </Link>
      <p className="library-item__meta">
        <span className="library-kind">{kindKey ? t(kindKey) : artifact.kind}</span>
        {artifact.subject && <span>{artifact.subject}</span>}
        {artifact.grade && <span>{t('library.grade', { grade: artifact.grade })}</span>}
        {updated && (
          <time dateTime={updated}>
            {t('library.updated', { date: formatActivity(artifact.updatedAt, now, locale) })}
          </time>
        )}
      </p>
    </li>
  )
}
