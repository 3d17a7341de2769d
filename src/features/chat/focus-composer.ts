// Moves keyboard focus into the composer, waiting for it to mount (and enable) after a navigation.

import { focusWhenReady } from '../../ui/focus-when-ready.ts'
import { COMPOSER_INPUT_ATTR } from './Composer.tsx'

/**
 * With a conversation id, waits for that chat's composer: right after navigating away from another
 * chat, the old composer is still mounted and must not take the focus.
 */
export function focusComposer(conversationId?: string): void {
  focusWhenReady(conversationId ? `[${COMPOSER_INPUT_ATTR}="${conversationId}"]` : `[${COMPOSER_INPUT_ATTR}]`)
}
