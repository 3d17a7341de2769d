// The chat's prompts that wait for a connection, below the history: shown at once when written
// offline, after a reload too, until the server has them (src/data/outbox.ts).

import type { OutboxEntry } from '../../data/outbox.ts'
import { useT } from '../../i18n/index.ts'

export function OutboxList({ entries }: { entries: OutboxEntry[] }) {
  const t = useT()
  if (entries.length === 0) return null
  return (
    <ul className="outbox-list" aria-label={t('outbox.listLabel')} data-testid="outbox-list">
      {entries.map((entry) => (
        <li
          key={entry.id}
          className="message message--user outbox-list__item"
          data-testid="outbox-entry"
          data-message-id={entry.id}
        >
          {/* Plain text: the Markdown renderer loads on demand, which may not work offline. */}
          <p className="outbox-list__text">{entry.text}</p>
          <p className="outbox-list__status">{t('outbox.waiting')}</p>
        </li>
      ))}
    </ul>
  )
}
