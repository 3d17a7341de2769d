// The last favourite mark the server refused, shown on the library page (the client has rolled the
// star back by then).

import { toUserMessage } from '../../i18n/to-user-message.ts'
import { createFailureNotice } from '../../state/failure-notice.ts'

const favoriteFailures = createFailureNotice(toUserMessage)

export const useFavoriteFailure = favoriteFailures.useNotice

/** Watches a favourite write; never throws (fire-and-forget). */
export function reportFavoriteFailure(write: Promise<unknown>): void {
  favoriteFailures.report(write, { clearFirst: true })
}
