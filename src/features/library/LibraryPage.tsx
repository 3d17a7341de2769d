// The library of materials: search and filters over the teacher's artifacts, page by page and
// live. A loading state, the error where the list would be, an honest empty state while there are
// none, and "nothing matches" (with a way back) while a filter hides them all.

import './library.css'
import { type LibraryFilter, useIsOffline, useLibrary } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { FailureNotice } from '../../ui/FailureNotice.tsx'
import { useDebounced } from '../../ui/use-debounced.ts'
import { useCurrentUser } from '../auth/index.ts'
import { ArtifactList } from './ArtifactList.tsx'
import { useDeleteFailure } from './delete-failure.ts'
import { useFavoriteFailure } from './favorite-failure.ts'
import { LibraryFilters } from './LibraryFilters.tsx'
import { isFiltered, useLibraryFilter } from './library-filter-store.ts'

/** Typed words become a new query once the teacher pauses, not at every keystroke. */
const TYPING_PAUSE_MS = 300

function useSettledFilter(): LibraryFilter {
  const filter = useLibraryFilter((s) => s.filter)
  const search = useDebounced(filter.search, TYPING_PAUSE_MS)
  const subject = useDebounced(filter.subject, TYPING_PAUSE_MS)
  const grade = useDebounced(filter.grade, TYPING_PAUSE_MS)
  return { ...filter, search, subject, grade }
}

export function LibraryPage() {
  const t = useT()
  const filter = useSettledFilter()
  const list = useLibrary(useCurrentUser().id, filter)
  const clearFilter = useLibraryFilter((s) => s.clearFilter)
  const isEmpty = list.artifacts.length === 0
  // Offline, a list never loaded is unknown, not loading for ever.
  const isUnavailable = useIsOffline() && list.isLoading
  const filtered = isFiltered(filter)

  return (
    <div className="page stack">
      <h1>{t('library.title')}</h1>
      <LibraryFilters />
      <DeleteFailureNotice />
      <FavoriteFailureNotice />
      {list.error && (
        <p className="form-error" role="alert">
          {t('library.loadError', { error: t(toUserMessage(list.error)) })}
        </p>
      )}
      {!isEmpty ? (
        <ArtifactList artifacts={list.artifacts} hasMore={list.hasMore} loadMore={list.loadMore} />
      ) : isUnavailable ? (
        <p className="muted" role="status" data-testid="library-unavailable">
          {t('library.unavailableOffline')}
        </p>
      ) : list.isLoading ? (
        <p className="muted" role="status">
          {t('library.loading')}
        </p>
      ) : list.error ? null : filtered ? (
        <div className="empty-state" role="status">
          <h2>{t('library.noMatches')}</h2>
          <p>
            <button type="button" className="button" onClick={clearFilter}>
              {t('library.clearFilters')}
            </button>
          </p>
        </div>
      ) : (
        <div className="empty-state">
          <h2>{t('library.empty')}</h2>
          <p>{t('library.emptyText')}</p>
        </div>
      )}
    </div>
  )
}

function DeleteFailureNotice() {
  const t = useT()
  const error = useDeleteFailure((s) => s.error)
  const clear = useDeleteFailure((s) => s.clear)
  if (!error) return null
  return (
    <FailureNotice
      message={t('artifact.deleteFailed', { reason: t(error) })}
      closeLabel={t('dialog.close')}
      onClose={clear}
    />
  )
}

function FavoriteFailureNotice() {
  const t = useT()
  const error = useFavoriteFailure((s) => s.error)
  const clear = useFavoriteFailure((s) => s.clear)
  if (!error) return null
  return (
    <FailureNotice
      message={t('library.favoriteFailed', { reason: t(error) })}
      closeLabel={t('dialog.close')}
      onClose={clear}
    />
  )
}
