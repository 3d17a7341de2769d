// Shows honestly whether the app is connected to the Instant server; never claims more than it knows.

import type { MessageKey } from '../i18n/index.ts'
import { useT } from '../i18n/index.ts'

export type Status = 'connecting' | 'opened' | 'authenticated' | 'closed' | 'errored'

const LABELS: Record<Status, { key: MessageKey; tone: 'ok' | 'wait' | 'off' }> = {
  authenticated: { key: 'connection.connected', tone: 'ok' },
  connecting: { key: 'connection.connecting', tone: 'wait' },
  opened: { key: 'connection.connecting', tone: 'wait' },
  closed: { key: 'connection.offline', tone: 'off' },
  errored: { key: 'connection.offline', tone: 'off' },
}

export function ConnectionBadge({ status }: { status: Status }) {
  const t = useT()
  const { key, tone } = LABELS[status]
  return (
    // The title shows the whole label where a narrow header cuts it short.
    <output
      title={t(key)}
      className={`connection-badge connection-badge--${tone}`}
      aria-label={t('connection.label')}
      data-testid="connection"
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      <span className="connection-badge__text">{t(key)}</span>
    </output>
  )
}
