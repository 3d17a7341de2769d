// Applies the colour-scheme setting as data-theme on <html>; without it the CSS follows the system.

import { useEffect } from 'react'
import type { ColorScheme } from '../features/settings/index.ts'

export function useColorScheme(scheme: ColorScheme): void {
  useEffect(() => {
    const root = document.documentElement
    if (scheme === 'system') delete root.dataset.theme
    else root.dataset.theme = scheme
  }, [scheme])
}
