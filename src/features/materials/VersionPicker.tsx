// "Version N von M" with a picker among all versions of an artifact (newest first), and when the
// shown version was made. A single version is stated, not offered as a choice.

import { useId } from 'react'
import type { ArtifactVersion } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { useSettings } from '../settings/index.ts'
import { type VersionChoice, versionPosition } from './version-choice.ts'

export interface VersionPickerProps {
  versions: readonly ArtifactVersion[]
  choice: VersionChoice<ArtifactVersion>
  onChoose: (versionId: string) => void
}

export function VersionPicker({ versions, choice, onChoose }: VersionPickerProps) {
  const t = useT()
  const locale = useSettings((s) => s.language)
  const selectId = useId()
  const { shown, position, count } = choice
  if (!shown) return null
  const created = formatDateTime(shown.createdAt, locale)

  return (
    <div className="artifact-versions">
      {count > 1 ? (
        <>
          <label htmlFor={selectId} className="visually-hidden">
            {t('artifact.chooseVersion')}
          </label>
          <select
            id={selectId}
            className="artifact-versions__select"
            value={shown.id}
            onChange={(e) => onChoose(e.target.value)}
          >
            {versions.map((v, i) => (
              <option key={v.id} value={v.id}>
                {t('artifact.versionOf', { index: versionPosition(i, count), count })}
              </option>
            ))}
          </select>
        </>
      ) : (
        <span data-testid="artifact-version">{t('artifact.versionOf', { index: position, count })}</span>
      )}
      {created && <span className="muted">{t('artifact.versionCreated', { date: created })}</span>}
    </div>
  )
}
