// Text helpers for search results: a short excerpt around the first match. Pure, no React, no db.

/** Collapses runs of whitespace so an excerpt reads as one line. */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/**
 * About `radius` characters either side of the first case-insensitive occurrence of `term`, with
 * an ellipsis where text was cut. Falls back to the start of the text when the term is not found
 * literally (the server's pattern also treats % and _ as wildcards).
 */
export function snippetAround(text: string, term: string, radius = 40): string {
  const flat = squash(text)
  const needle = squash(term).toLocaleLowerCase()
  const at = needle ? flat.toLocaleLowerCase().indexOf(needle) : -1
  const start = at < 0 ? 0 : Math.max(0, at - radius)
  const end = at < 0 ? radius * 2 : at + needle.length + radius
  const cut = flat.slice(start, end).trim()
  return `${start > 0 ? '…' : ''}${cut}${end < flat.length ? '…' : ''}`
}
