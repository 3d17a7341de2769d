// Where the teacher writes: whether an assistant will answer, before a prompt is sent. When none is
// there it says what that means for the teacher and, in one line, how whoever runs the server fixes it.

import './assistant-status.css'
import { useAssistantStatus } from '../../data/assistant-status.ts'
import { type MessageKey, useT } from '../../i18n/index.ts'
import type { AssistantStatus } from '../../lib/assistant-state.ts'

/** The README's first-run section, copied into the build at this path (vite.config.ts). */
export const MODEL_DOCS_PATH = '/docs/first-run.txt'

function fixKey(status: AssistantStatus): MessageKey {
  if (status.state === 'none') return 'assistant.none.fix'
  if (status.state === 'unreachable') return 'assistant.unreachable.fix'
  if (status.error === 'model-auth') return 'assistant.failing.fix.auth'
  if (status.error === 'model-not-found') return 'assistant.failing.fix.notFound'
  return 'assistant.failing.fix.other'
}

export function AssistantStatusNote() {
  const t = useT()
  const status = useAssistantStatus()
  // The live region is always there, so a change of state is announced (politely) when it happens.
  return (
    <div
      className="assistant-status"
      role="status"
      aria-label={t('assistant.status.label')}
      data-testid="assistant-status"
      data-state={status?.state ?? 'unknown'}
    >
      {status?.state === 'ready' && (
        <p className="assistant-status__ready">{t('assistant.ready', { model: status.model ?? '' })}</p>
      )}
      {status && status.state !== 'ready' && (
        <div className="assistant-status__away">
          <p className="assistant-status__teacher">{t(`assistant.${status.state}`)}</p>
          <p className="assistant-status__fix">
            {t(fixKey(status), { code: status.error ?? '' })}{' '}
            <a href={MODEL_DOCS_PATH} target="_blank" rel="noopener">
              {t('assistant.docs')}
            </a>
          </p>
        </div>
      )}
    </div>
  )
}
