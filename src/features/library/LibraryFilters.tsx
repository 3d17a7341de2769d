// The library's search and filters: words in title or body, kind, subject, grade, how the reading
// level fits the class, favourites only, and the order. Typing is debounced by the page, so the
// query changes once the teacher pauses.

import { useId } from 'react'
import type { LibraryFilter, LibrarySort } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { MATERIAL_KINDS } from '../../materials/kinds/index.ts'
import { LEVEL_FITS } from '../../materials/reading-level.ts'
import { useSettings } from '../settings/index.ts'
import { isFiltered, useLibraryFilter } from './library-filter-store.ts'

export function LibraryFilters() {
  const t = useT()
  const language = useSettings((s) => s.language)
  const { filter, setFilter, clearFilter } = useLibraryFilter()
  const id = useId()

  return (
    <search className="library-filters" aria-label={t('library.filters')}>
      <div className="library-filters__field library-filters__field--search">
        <label htmlFor={`${id}-q`}>{t('library.search')}</label>
        <input
          id={`${id}-q`}
          className="input"
          type="search"
          value={filter.search}
          onChange={(e) => setFilter({ search: e.target.value })}
        />
      </div>
      <div className="library-filters__field">
        <label htmlFor={`${id}-kind`}>{t('library.kindFilter')}</label>
        <select
          id={`${id}-kind`}
          className="input"
          value={filter.kind}
          onChange={(e) => setFilter({ kind: e.target.value })}
        >
          <option value="">{t('library.kindAll')}</option>
          {MATERIAL_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label[language]}
            </option>
          ))}
        </select>
      </div>
      <div className="library-filters__field">
        <label htmlFor={`${id}-subject`}>{t('library.subjectFilter')}</label>
        <input
          id={`${id}-subject`}
          className="input"
          value={filter.subject}
          onChange={(e) => setFilter({ subject: e.target.value })}
        />
      </div>
      <div className="library-filters__field library-filters__field--short">
        <label htmlFor={`${id}-grade`}>{t('library.gradeFilter')}</label>
        <input
          id={`${id}-grade`}
          className="input"
          value={filter.grade}
          onChange={(e) => setFilter({ grade: e.target.value })}
        />
      </div>
      <div className="library-filters__field">
        <label htmlFor={`${id}-fit`}>{t('library.fitFilter')}</label>
        <select
          id={`${id}-fit`}
          className="input"
          value={filter.fit}
          onChange={(e) => setFilter({ fit: e.target.value as LibraryFilter['fit'] })}
        >
          <option value="">{t('library.fit.all')}</option>
          {LEVEL_FITS.map((fit) => (
            <option key={fit} value={fit}>
              {t(`library.fit.${fit}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="library-filters__field">
        <label htmlFor={`${id}-sort`}>{t('library.sort')}</label>
        <select
          id={`${id}-sort`}
          className="input"
          value={filter.sort}
          onChange={(e) => setFilter({ sort: e.target.value as LibrarySort })}
        >
          <option value="changed">{t('library.sort.changed')}</option>
          <option value="used">{t('library.sort.used')}</option>
        </select>
      </div>
      <label className="checkbox library-filters__favorites">
        <input
          type="checkbox"
          checked={filter.favoritesOnly}
          onChange={(e) => setFilter({ favoritesOnly: e.target.checked })}
        />
        {t('library.favoritesOnly')}
      </label>
      {isFiltered(filter) && (
        <button type="button" className="button button--quiet" onClick={clearFilter}>
          {t('library.clearFilters')}
        </button>
      )}
    </search>
  )
}
