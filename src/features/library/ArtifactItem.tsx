// One material in the library list: its title links to the material; kind, subject, grade, the
// last change and the reading level below it; a star to mark it as a favourite and a link back to its chat. The whole row
// is clickable, but only the title is the link's name.

import { Link } from 'wouter'
import { type LibraryArtifact, setArtifactFavorite } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { formatActivity } from '../../lib/dates.ts'
import { paths } from '../../lib/routes.ts'
import { kindById } from '../../materials/kinds/index.ts'
import { LEVEL_FITS, type LevelFit } from '../../materials/reading-level.ts'
import { useSettings } from '../settings/index.ts'
import { toIsoDate } from './artifact-labels.ts'
import { reportFavoriteFailure } from './favorite-failure.ts'
import { ReadingLevelInfo } from './ReadingLevelInfo.tsx'

export function ArtifactItem({ artifact, now }: { artifact: LibraryArtifact; now: Date }) {
  const t = useT()
  const locale = useSettings((s) => s.language)
  const title = artifact.title.trim() || t('artifact.untitled')
  const updated = toIsoDate(artifact.updatedAt)
  const isFavorite = artifact.favorite === true

  return (
    <li className="library-item" data-testid="artifact-item" data-artifact-id={artifact.id}>
      <div className="library-item__head">
        <Link href={paths.artifact(artifact.id)} className="library-item__link">
          {title}
        </Link>
        <button
          type="button"
          className="icon-button library-item__star"
          aria-pressed={isFavorite}
          aria-label={t('library.favorite', { title })}
          onClick={() => reportFavoriteFailure(setArtifactFavorite(artifact.id, !isFavorite))}
        >
          <span aria-hidden="true">{isFavorite ? '★' : '☆'}</span>
        </button>
      </div>
      <p className="library-item__meta">
        <span className="library-kind">{kindById(artifact.kind)?.label[locale] ?? artifact.kind}</span>
        {artifact.subject && <span>{artifact.subject}</span>}
        {artifact.grade && <span>{t('library.grade', { grade: artifact.grade })}</span>}
        {updated && (
          <time dateTime={updated}>
            {t('library.updated', { date: formatActivity(artifact.updatedAt, now, locale) })}
          </time>
        )}
        {artifact.conversationId && (
          <Link
            href={paths.chat(artifact.conversationId)}
            className="library-item__chat"
            aria-label={t('library.toChatFor', { title })}
          >
            {t('library.toChat')}
          </Link>
        )}
      </p>
      {typeof artifact.readingGrade === 'number' && (
        <ReadingLevelInfo
          grade={artifact.readingGrade}
          fit={toFit(artifact.levelFit)}
          formula={artifact.language?.startsWith('en') ? 'fk' : 'wstf'}
          testId="artifact-reading-level"
        />
      )}
    </li>
  )
}

function toFit(value: string | null | undefined): LevelFit | undefined {
  return LEVEL_FITS.find((f) => f === value)
}
