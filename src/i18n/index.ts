// Translation: t(key) in the teacher's language (German by default), with {name} placeholders. German
// ships with the app; English loads when chosen (main.tsx waits for it before the first render), so a
// German start downloads one catalogue. Until a catalogue has loaded, its keys read in German.

import { create } from 'zustand'
import { useSettings } from '../state/settings-store.ts'
import { de, type MessageKey } from './de.ts'

export type Language = 'de' | 'en'
export type { MessageKey }

type Catalog = Record<MessageKey, string>

const catalogs: Partial<Record<Language, Catalog>> = { de }
const loaders: Record<Exclude<Language, 'de'>, () => Promise<Catalog>> = {
  en: () => import('./en.ts').then((m) => m.en),
}
const pending = new Map<Language, Promise<void>>()
/** Which catalogues have loaded, so t() re-renders when one arrives. */
const useLoaded = create<{ count: number }>(() => ({ count: 1 }))

/** Loads a language's catalogue (once); rejects when it cannot be fetched, and a later call retries. */
export function loadLanguage(language: Language): Promise<void> {
  if (language === 'de' || catalogs[language]) return Promise.resolve()
  let loading = pending.get(language)
  if (!loading) {
    loading = loaders[language]().then(
      (catalog) => {
        catalogs[language] = catalog
        useLoaded.setState((s) => ({ count: s.count + 1 }))
      },
      (error: unknown) => {
        pending.delete(language)
        throw error
      },
    )
    pending.set(language, loading)
  }
  return loading
}

// A language chosen in the settings loads at once; offline before it was ever cached, German stays.
useSettings.subscribe((s, before) => {
  if (s.language !== before.language) loadLanguage(s.language).catch(() => {})
})

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key)
}

export function translate(
  language: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const text = catalogs[language]?.[key] ?? de[key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

/** The t() function for the current language; re-renders when the language (or its catalogue) changes. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const language = useSettings((s) => s.language)
  useLoaded((s) => s.count)
  return (key, params) => translate(language, key, params)
}
