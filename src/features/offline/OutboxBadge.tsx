// The header's count of writes waiting for a connection: prompts, renames, pins, deletes, profile
// edits, read from Instant's own queue (src/data/pending-writes.ts), so it counts what is really
// pending. Also the one place that confirms waiting prompts' delivery (src/data/outbox.ts).

import { useOutboxConfirmation } from '../../data/outbox.ts'
import { useWaitingWrites } from '../../data/pending-writes.ts'
import { useT } from '../../i18n/index.ts'

export function OutboxBadge() {
  const t = useT()
  useOutboxConfirmation()
  const count = useWaitingWrites().length
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
