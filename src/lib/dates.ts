// How the conversation list shows last activity: the time for today, the day and month this year,
// the full date otherwise. Pure; the locale comes from the teacher's language setting.

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
