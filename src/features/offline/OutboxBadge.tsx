// The header's count of prompts waiting for a connection, and the one place that confirms their
// delivery when the connection returns (src/data/outbox.ts). Shows nothing while none waits.

import { useOutbox, useOutboxConfirmation } from '../../data/outbox.ts'
import { useT } from '../../i18n/index.ts'

export function OutboxBadge() {
  const t = useT()
  useOutboxConfirmation()
  const count = useOutbox().length
  if (count === 0) return null
  return (
    <output
      className="outbox-badge"
      aria-label={t('outbox.countLabel', { count })}
      data-testid="outbox-count"
    >
      {t('outbox.count', { count })}
    </output>
  )
}
