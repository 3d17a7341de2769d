// The last failed delete, shown once on the library page: the artifact view is gone by the time the
// server answers.

import { toUserMessage } from '../../i18n/to-user-message.ts'
import { createFailureNotice } from '../../state/failure-notice.ts'

const deleteFailures = createFailureNotice(toUserMessage)

export const useDeleteFailure = deleteFailures.useNotice

/** Watches a delete and reports a failure to the library; never throws (fire-and-forget). */
export function reportDeleteFailure(write: Promise<unknown>): void {
  deleteFailures.report(write, { clearFirst: true })
}
