// The eduhu.ki app: applies the device settings (language, colour scheme) to the document and
// renders the shell, whose routes come from the real URL (wouter, browser history).

import { useEffect } from 'react'
import { type Language, useSettings } from '../features/settings/index.ts'
import { Shell } from './Shell.tsx'
import { useColorScheme } from './use-color-scheme.ts'

function useDocumentLanguage(language: Language) {
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
}

export function App() {
  useDocumentLanguage(useSettings((s) => s.language))
  useColorScheme(useSettings((s) => s.colorScheme))
  return <Shell />
}
