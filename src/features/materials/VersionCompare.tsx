// Two versions side by side in time: pick the older and the newer one, see the lines added and
// removed (words marked within a changed line). Changes are named in text too, not only by colour.

import { useId, useMemo, useState } from 'react'
import type { ArtifactVersion } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { diffVersions } from './version-diff.ts'

export interface VersionCompareProps {
  /** Newest first. */
  versions: readonly ArtifactVersion[]
  /** The version the teacher was looking at: compared with the one before it to start with. */
  shown: ArtifactVersion
}

export function VersionCompare({ versions, shown }: VersionCompareProps) {
  const t = useT()
  const headingId = useId()
  const shownIndex = Math.max(
    0,
    versions.findIndex((v) => v.id === shown.id),
  )
  const olderDefault = versions[shownIndex + 1] ?? versions[shownIndex]
  const newerDefault = versions[shownIndex + 1] ? shown : (versions[shownIndex - 1] ?? shown)
  const [fromId, setFromId] = useState(olderDefault?.id ?? shown.id)
  const [toId, setToId] = useState(newerDefault.id)
  const from = versions.find((v) => v.id === fromId) ?? shown
  const to = versions.find((v) => v.id === toId) ?? shown
  const diff = useMemo(() => diffVersions(from.body, to.body), [from.body, to.body])

  return (
    <section className="material-compare stack" aria-labelledby={headingId} data-testid="material-compare">
      <h3 id={headingId} className="material-section__title">
        {t('material.compare.heading')}
      </h3>
      <div className="material-compare__pickers">
        <VersionSelect
          label={t('material.compare.from')}
          versions={versions}
          value={fromId}
          onChange={setFromId}
        />
        <VersionSelect label={t('material.compare.to')} versions={versions} value={toId} onChange={setToId} />
      </div>
      <p className="muted" data-testid="material-compare-summary">
        {diff.rows.length === 0
          ? t('material.compare.same')
          : t('material.compare.summary', { added: diff.added, removed: diff.removed })}
      </p>
      {diff.rows.length > 0 && (
        <ol className="material-diff" data-testid="material-diff">
          {diff.rows.map((row) =>
            row.kind === 'folded' ? (
              <li key={row.at} className="material-diff__folded">
                {t('material.compare.folded', { count: row.count })}
              </li>
            ) : (
              <li
                key={row.at}
                className={`material-diff__line material-diff__line--${row.kind}`}
                data-kind={row.kind}
              >
                {row.kind !== 'same' && (
                  <span className="visually-hidden">
                    {t(row.kind === 'added' ? 'material.compare.added' : 'material.compare.removed')}{' '}
                  </span>
                )}
                <span className="material-diff__sign" aria-hidden="true">
                  {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ' '}
                </span>
                <DiffText segments={row.segments} kind={row.kind} />
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  )
}

function DiffText({ segments, kind }: { segments: { text: string; isChanged: boolean }[]; kind: string }) {
  const Mark = kind === 'added' ? 'ins' : 'del'
  // Keyed by where each segment starts in the line: segments never move.
  let offset = 0
  const parts = segments.map((s) => {
    const start = offset
    offset += s.text.length
    return s.isChanged && kind !== 'same' ? (
      <Mark key={start}>{s.text}</Mark>
    ) : (
      <span key={start}>{s.text}</span>
    )
  })
  return <span className="material-diff__text">{parts}</span>
}

interface VersionSelectProps {
  label: string
  versions: readonly ArtifactVersion[]
  value: string
  onChange: (id: string) => void
}

function VersionSelect({ label, versions, value, onChange }: VersionSelectProps) {
  const t = useT()
  const id = useId()
  return (
    <span className="material-compare__picker">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="artifact-versions__select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {t('material.version', { version: v.version })}
            {v.note ? ` – ${v.note}` : ''}
          </option>
        ))}
      </select>
    </span>
  )
}
