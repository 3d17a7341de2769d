// The global keyboard shortcuts: which command a key press means. Pure, unit-tested; the keys are
// chosen not to collide with browser or screen-reader keys (Alt+N, Ctrl/⌘+K, "/", Shift+Esc, "?").

export type ShortcutCommand = 'newChat' | 'focusSearch' | 'focusComposer' | 'openHelp'

export interface ShortcutPress {
  key: string
  /** The physical key: Alt+N on a Mac types "˜", so the letter is read from the code. */
  code: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
}

/** `isTyping`: focus is in a text field, where plain characters ("/" and "?") must stay text. */
export function shortcutFor(press: ShortcutPress, isTyping: boolean): ShortcutCommand | null {
  const ctrlOrMeta = press.ctrlKey || press.metaKey
  if (press.altKey && !ctrlOrMeta && press.code === 'KeyN') return 'newChat'
  if (ctrlOrMeta && !press.altKey && press.key.toLowerCase() === 'k') return 'focusSearch'
  if (press.shiftKey && press.key === 'Escape') return 'focusComposer'
  if (isTyping || ctrlOrMeta || press.altKey) return null
  if (press.key === '/') return 'focusSearch'
  if (press.key === '?') return 'openHelp'
  return null
}

/** True when the element takes text input, so single-character shortcuts must not fire. */
export function isTextEntry(el: Element | null): boolean {
  if (!el) return false
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true
  if (el instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(el.type)
  }
  return (el as HTMLElement).isContentEditable === true
}
