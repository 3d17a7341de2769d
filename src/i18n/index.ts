// Translation: t(key) in the teacher's language (German by default), with {name} placeholders.

import { useSettings } from '../state/settings-store.ts'
import { de, type MessageKey } from './de.ts'
import { en } from './en.ts'

export type Language = 'de' | 'en'
export type { MessageKey }

const catalogs: Record<Language, Record<MessageKey, string>> = { de, en }

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key)
}

export function translate(
  language: Language,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const text = catalogs[language][key] ?? de[key]
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

/** The t() function for the current language; re-renders when the language changes. */
export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const language = useSettings((s) => s.language)
  return (key, params) => translate(language, key, params)
}
