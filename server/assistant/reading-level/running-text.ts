// The running text of a material: what a pupil reads as prose (reading passages, task instructions,
// list items), taken from its Markdown body by lines. Pure. Left out, because a readability formula
// is calibrated on prose and these are not: the answer key (src/materials/conventions.ts), headings
// (task headings included), tables, math ($…$, $$…$$), code, answer-line markers, images, rules,
// HTML, blanks to fill in (___), a name/class/date line, and fragments (under three words, no stop).

import { answerLineCount, splitAnswerKey } from '../../../src/materials/conventions.ts'

/** Running text as blocks separated by a blank line; each block ends at least one sentence. */
export function runningText(markdown: string): string {
  const { main } = splitAnswerKey(markdown.replace(/\r\n?/g, '\n'))
  const blocks: string[] = []
  let paragraph: string[] = []
  const endParagraph = () => {
    if (paragraph.length) blocks.push(paragraph.join(' '))
    paragraph = []
  }
  let fence: string | null = null
  let inMath = false
  for (const raw of stripHtmlComments(main).split('\n')) {
    const line = raw.trim()
    if (fence) {
      if (line.startsWith(fence)) fence = null
      continue
    }
    if (inMath) {
      if (line.endsWith('$$')) inMath = false
      continue
    }
    const open = /^(```|~~~)/.exec(line)
    if (open) {
      endParagraph()
      fence = open[1]!
      continue
    }
    if (line.startsWith('$$')) {
      endParagraph()
      inMath = !(line.length > 2 && line.endsWith('$$'))
      continue
    }
    if (!line || isLeftOut(line)) {
      endParagraph()
      continue
    }
    const item = /^(?:[-*+]|\d{1,3}[.)]|[a-z][.)])\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line)
    if (item) {
      endParagraph()
      paragraph.push(item[1]!)
      endParagraph()
      continue
    }
    paragraph.push(line.replace(/^(>\s?)+/, ''))
  }
  endParagraph()
  return blocks
    .map(toPlainText)
    .filter((b) => isProse(b))
    .join('\n\n')
}

function stripHtmlComments(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '')
}

function isLeftOut(line: string): boolean {
  return (
    /^#{1,6}\s/.test(line) || // headings, task headings included
    line.startsWith('|') || // table rows
    /^([-*_]\s*){3,}$/.test(line) || // rules
    answerLineCount(line) !== null ||
    /^!\[[^\]]*\]\([^)]*\)$/.test(line) || // an image alone
    /^<\/?[a-zA-Z][^>]*>$/.test(line) || // raw HTML
    isHeaderLine(line)
  )
}

// "Name: ______ Klasse: ____ Datum: ____" and the like: only labels and blanks.
function isHeaderLine(line: string): boolean {
  const rest = line.replace(/[_.\s…]{2,}/g, ' ').replace(/\*+/g, '')
  return /_{3,}/.test(line) && /^(\s*[\p{L}]+\s*:\s*)+$/u.test(rest)
}

function toPlainText(block: string): string {
  return block
    .replace(/\$[^$\n]+\$/g, ' ') // inline math
    .replace(/`[^`]*`/g, ' ') // inline code
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ') // images
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links keep their text
    .replace(/<[^>]+>/g, ' ') // inline HTML
    .replace(/\{\{[^}]*\}\}/g, ' ') // other markers
    .replace(/_{2,}|…{2,}|\.{4,}/g, ' ') // blanks to fill in
    .replace(/(\*\*|__|\*|~~)(?=\S)|(?<=\S)(\*\*|__|\*|~~)/g, '') // emphasis
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1') // Markdown escapes
    .replace(/\s+/g, ' ')
    .trim()
}

// A fragment (a word bank, a one-word option, a label) is not prose.
function isProse(block: string): boolean {
  const words = block.match(/[\p{L}][\p{L}\p{M}'’-]*/gu)?.length ?? 0
  return words >= 3 || (words > 0 && /[.!?…]["“”»«)]*$/.test(block))
}
