// What the shown version is (who made it, the note) and what can be done with it: edit it by hand,
// compare it with another version, and — for an older one — restore it as the newest version.

import { useState } from 'react'
import { type ArtifactVersion, addArtifactVersion, type NewVersion } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { sourceKey } from './material-labels.ts'

export interface VersionToolsProps {
  artifactId: string
  shown: ArtifactVersion
  isLatest: boolean
  canCompare: boolean
  nextVersion: number
  /** The shown version's reading level, carried into the restored copy. */
  reading: NewVersion['reading']
  mode: 'read' | 'edit' | 'compare'
  onMode: (mode: 'read' | 'edit' | 'compare') => void
  onRestored: (version: number) => void
}

export function VersionTools(props: VersionToolsProps) {
  const { shown, mode } = props
  const t = useT()
  const [error, setError] = useState<unknown>(null)

  function restore() {
    setError(null)
    const version = props.nextVersion
    const { saved } = addArtifactVersion({
      artifactId: props.artifactId,
      version,
      body: shown.body,
      source: 'restore',
      note: t('material.note.restore', { version: shown.version }),
      reading: props.reading,
    })
    // Applied locally at once, so the new version is shown now; a refusal is reported here.
    saved.catch(setError)
    props.onRestored(version)
  }

  return (
    <div className="material-tools">
      <p className="material-tools__origin" data-testid="material-origin">
        <span>{t(sourceKey(shown.source))}</span>
        {shown.note && <span> · {shown.note}</span>}
        {shown.status === 'stopped' && <span> · {t('material.status.stopped')}</span>}
      </p>
      <div className="material-tools__buttons">
        <button
          type="button"
          className="button"
          aria-pressed={mode === 'edit'}
          onClick={() => props.onMode(mode === 'edit' ? 'read' : 'edit')}
        >
          {t('material.edit')}
        </button>
        {props.canCompare && (
          <button
            type="button"
            className="button"
            aria-pressed={mode === 'compare'}
            onClick={() => props.onMode(mode === 'compare' ? 'read' : 'compare')}
          >
            {mode === 'compare' ? t('material.compare.close') : t('material.compare')}
          </button>
        )}
        {!props.isLatest && (
          <button type="button" className="button button--primary" onClick={restore}>
            {t('material.restore')}
          </button>
        )}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {t('material.saveFailed', { error: t(toUserMessage(error)) })}
        </p>
      ) : null}
    </div>
  )
}
