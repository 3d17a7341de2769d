// Which link targets a DOCX may carry: web and mail links only, so a document never holds a
// javascript: or file: link the model wrote. Pure.

const ALLOWED = new Set(['http:', 'https:', 'mailto:'])

/** The URL when it is an absolute http(s) or mailto link, else null (the link text stays). */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url)
    return ALLOWED.has(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}
