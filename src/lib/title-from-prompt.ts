// A conversation title from the teacher's first prompt: its first line, whitespace collapsed, cut at
// a word boundary so the list stays readable.

const MAX = 60

export function titleFromPrompt(prompt: string): string {
  const firstLine = prompt.split(/\r?\n/).find((line) => line.trim()) ?? ''
  const clean = firstLine
    .replace(/[#*_`>]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (clean.length <= MAX) return clean
  const cut = clean.slice(0, MAX)
  const space = cut.lastIndexOf(' ')
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).trimEnd()} …`
}
