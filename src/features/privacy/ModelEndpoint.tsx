// Where the teacher's messages go: the model endpoint's host as the running worker announced it in its
// heartbeat (host only, never path or key), or that no assistant is connected.

import { useAssistantStatus } from '../../data/assistant-status.ts'
import { useT } from '../../i18n/index.ts'

export function ModelEndpoint() {
  const t = useT()
  const status = useAssistantStatus()
  const there = status?.state === 'ready' || status?.state === 'failing'
  const value =
    status === undefined
      ? t('privacy.endpoint.unknown')
      : there && status.host
        ? status.host
        : t('privacy.endpoint.none')
  return (
    <div className="stack">
      <p data-testid="model-endpoint">
        {t('privacy.endpoint.label')}: <strong>{value}</strong>
      </p>
      <p className="muted">{t('privacy.endpoint.note')}</p>
    </div>
  )
}
