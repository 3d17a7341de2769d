// Which URLs a message may link to: http(s) and mailto only, parsed the way the browser parses them
// (so tabs, newlines, entities or case tricks cannot smuggle a javascript: or data: URL through).

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * The normalised URL when it is an absolute http(s) or mailto URL, otherwise null. Relative URLs
 * are refused too: a reply's link must never point into the app itself.
 */
export function safeUrl(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    return null
  }
  return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : null
}

/** True for a URL that opens outside the app (a new tab), as opposed to mailto. */
export function isWebUrl(url: string): boolean {
  return url.startsWith('https://') || url.startsWith('http://')
}
