// The library's list with "load more" for the next page, which also loads by itself when its
// button scrolls into view (as the conversation list does).

import { useRef } from 'react'
import type { LibraryArtifact } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { useLoadMoreWhenVisible } from '../../ui/use-load-more-when-visible.ts'
import { ArtifactItem } from './ArtifactItem.tsx'

export interface ArtifactListProps {
  artifacts: readonly LibraryArtifact[]
  hasMore: boolean
  loadMore: () => void
}

export function ArtifactList({ artifacts, hasMore, loadMore }: ArtifactListProps) {
  const t = useT()
  const more = useRef<HTMLButtonElement>(null)
  // One "now" per render, so every row formats its date against the same day.
  const now = new Date()

  useLoadMoreWhenVisible(more, hasMore, loadMore)

  return (
    <>
      <ul className="library-list">
        {artifacts.map((artifact) => (
          <ArtifactItem key={artifact.id} artifact={artifact} now={now} />
        ))}
      </ul>
      {hasMore && (
        <button ref={more} type="button" className="button button--quiet" onClick={loadMore}>
          {t('library.loadMore')}
        </button>
      )}
    </>
  )
}
