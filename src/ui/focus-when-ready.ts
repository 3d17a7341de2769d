// Moves focus to an element that may not be mounted or enabled yet (after a navigation, while a
// chat loads), polling for a short while.

const POLL_MS = 50

/** Polls for up to `timeoutMs`; gives up silently if the element never becomes focusable. */
export function focusWhenReady(selector: string, timeoutMs = 3000): void {
  const until = Date.now() + timeoutMs
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(selector)
    if (el && !(el as HTMLInputElement).disabled) {
      el.focus()
      return
    }
    // A timer, not requestAnimationFrame: frames pause in background tabs and headless runs.
    if (Date.now() < until) setTimeout(attempt, POLL_MS)
  }
  attempt()
}
