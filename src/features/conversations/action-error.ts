// The last failed list action (rename, pin, archive, delete, new chat), shown once above the list.

import { toUserMessage } from '../../i18n/to-user-message.ts'
import { createFailureNotice } from '../../state/failure-notice.ts'

const actionFailures = createFailureNotice(toUserMessage)

export const useActionError = actionFailures.useNotice

/** Runs a write and reports a failure to the list; never throws (fire-and-forget from handlers). */
export function reportFailure(write: Promise<unknown>): void {
  actionFailures.report(write)
}
