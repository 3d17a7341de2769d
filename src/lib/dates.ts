// How dates are shown: the conversation list's last activity (the time for today, the day and month
// this year, the full date otherwise) and a material's date and time. Pure; the locale comes from
// the teacher's language setting.

export function formatActivity(value: string | number, now: Date, locale: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const sameYear = date.getFullYear() === now.getFullYear()
  if (sameYear && date.getMonth() === now.getMonth() && date.getDate() === now.getDate()) {
    return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
  }
  if (sameYear) return date.toLocaleDateString(locale, { day: 'numeric', month: 'short' })
  return date.toLocaleDateString(locale, { day: '2-digit', month: '2-digit', year: 'numeric' })
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/** Date and time in the teacher's locale ("3. Mai 2025, 10:15"); '' for a value that is no date. */
export function formatDateTime(value: string | number, locale: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  let format = dateTimeFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    dateTimeFormats.set(locale, format)
  }
  return format.format(date)
}
