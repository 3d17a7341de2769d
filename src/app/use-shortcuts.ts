// Listens for the global shortcuts (see shortcuts.ts) and runs their commands. Ignored while a
// modal dialog is open, so a dialog's own keys (Escape, Enter) always win.

import { useEffect, useRef } from 'react'
import { isTextEntry, type ShortcutCommand, shortcutFor } from './shortcuts.ts'

export function useShortcuts(commands: Record<ShortcutCommand, () => void>): void {
  const latest = useRef(commands)
  latest.current = commands

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return
      if (document.querySelector('dialog[open]')) return
      const command = shortcutFor(event, isTextEntry(document.activeElement))
      if (!command) return
      event.preventDefault()
      latest.current[command]()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
