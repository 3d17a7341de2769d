// "Download all my data": reads every record page by page and builds the ZIP with a progress bar.

import { useState } from 'react'
import { readAllMyData } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { useCurrentUser } from '../auth/index.ts'
import { buildExportZip } from './export-zip.ts'

type State = { step: 'idle' } | { step: 'running'; fraction: number } | { step: 'done' } | { step: 'failed' }

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Only frees memory; the download has long started by then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export function DataExport() {
  const t = useT()
  const user = useCurrentUser()
  const [state, setState] = useState<State>({ step: 'idle' })

  const start = async () => {
    setState({ step: 'running', fraction: 0 })
    try {
      const exportedAt = new Date().toISOString()
      const { blob } = await buildExportZip(
        readAllMyData(),
        { userId: user.id, email: user.email ?? null, exportedAt },
        {
          teacher: t('export.chat.teacher'),
          assistant: t('export.chat.assistant'),
          untitled: t('chat.untitled'),
        },
        (fraction) => setState({ step: 'running', fraction }),
      )
      download(`eduhu-ki-${exportedAt.slice(0, 10)}.zip`, blob)
      setState({ step: 'done' })
    } catch {
      setState({ step: 'failed' })
    }
  }

  return (
    <section className="card stack" aria-labelledby="account-data-export">
      <h3 id="account-data-export">{t('accountData.export.title')}</h3>
      <p className="muted">{t('accountData.export.intro')}</p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => void start()}
        disabled={state.step === 'running'}
      >
        {t('accountData.export.start')}
      </button>
      {state.step === 'running' && (
        <label className="stack">
          {t('accountData.export.progress', { percent: Math.round(state.fraction * 100) })}
          <progress max={1} value={state.fraction} />
        </label>
      )}
      {state.step === 'done' && <p role="status">{t('accountData.export.done')}</p>}
      {state.step === 'failed' && (
        <p className="form-error" role="alert">
          {t('accountData.export.failed')}
        </p>
      )}
    </section>
  )
}
