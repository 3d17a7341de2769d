// Copy to the clipboard with a visible, self-clearing confirmation ("Kopiert") or failure state.

import { useCallback, useEffect, useRef, useState } from 'react'

export type CopyState = 'idle' | 'copied' | 'failed'

const CONFIRMATION_MS = 2000

export function useClipboard() {
  const [state, setState] = useState<CopyState>('idle')
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])

  const copy = useCallback(async (text: string) => {
    let next: CopyState = 'copied'
    try {
      await navigator.clipboard.writeText(text)
    } catch {
      // No clipboard permission (or an insecure origin): say so instead of pretending.
      next = 'failed'
    }
    setState(next)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setState('idle'), CONFIRMATION_MS)
  }, [])

  return { state, copy }
}
