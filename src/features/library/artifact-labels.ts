// How the library names an artifact's kind and writes its dates. Pure, so it is unit-tested; the
// texts themselves live in the i18n catalogs.

import { isMessageKey, type MessageKey } from '../../i18n/index.ts'

/**
 * The text key for a known kind ('worksheet', 'lesson-plan', 'quiz', 'rubric', 'parent-letter'),
 * or null for any other kind, which the library then shows as stored.
 */
export function kindLabelKey(kind: string): MessageKey | null {
  const key = `library.kind.${kind}`
  return isMessageKey(key) ? key : null
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/** Date and time in the teacher's locale ("3. Mai 2025, 10:15"); '' for a value that is no date. */
export function formatDateTime(value: string | number, locale: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  let format = formatters.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    formatters.set(locale, format)
  }
  return format.format(date)
}

/** The ISO form for a <time dateTime>, or undefined for a value that is no date. */
export function toIsoDate(value: string | number): string | undefined {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}
