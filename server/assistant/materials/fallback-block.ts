// The text fallback for models without function calling: a material is a delimited block in the
// reply, `:::material {header JSON}` on its own line, the Markdown body, then `:::` on its own line.
// Split off while the text streams: the prose goes to the reply, the block becomes a draft.

import type { MaterialDraft } from '../../../src/materials/draft.ts'

const OPEN = ':::material'
const CLOSE = ':::'

export interface Block {
  callId: string
  /** The header's JSON, or undefined when it is not JSON (checked later, with the tool schema). */
  header: unknown
  body: string
  closed: boolean
}

function parseHeader(rest: string): unknown {
  try {
    return JSON.parse(rest.trim() || '{}')
  } catch {
    return undefined
  }
}

function headerText(header: unknown, key: string): string | undefined {
  const v = header && typeof header === 'object' ? (header as Record<string, unknown>)[key] : undefined
  return typeof v === 'string' ? v : undefined
}

export class FallbackBlocks {
  private readonly all: Block[] = []
  private open: Block | undefined
  /** The current line, not yet known to be prose, a fence or body. */
  private tail = ''
  /** Part of `tail` already given out as prose (a line that cannot become a fence). */
  private tailSent = 0

  /** Takes a text delta; returns the prose to append to the reply (blocks left out). */
  push(text: string): string {
    let prose = ''
    this.tail += text
    let nl = this.tail.indexOf('\n')
    while (nl !== -1) {
      prose += this.line(this.tail.slice(0, nl), true)
      this.tail = this.tail.slice(nl + 1)
      this.tailSent = 0
      nl = this.tail.indexOf('\n')
    }
    // An unfinished line that cannot start a fence is prose already: the reply keeps streaming.
    if (!this.open && !this.mayBeFence(this.tail)) {
      prose += this.tail.slice(this.tailSent)
      this.tailSent = this.tail.length
    }
    return prose
  }

  /** The stream ended: the last line is settled and an unclosed block ends here. */
  end(): string {
    const prose = this.tail ? this.line(this.tail, false) : ''
    this.tail = ''
    this.tailSent = 0
    if (this.open) this.open = undefined
    return prose
  }

  blocks(): readonly Block[] {
    return this.all
  }

  drafts(): MaterialDraft[] {
    return this.all.map((b) => {
      // The body's unfinished last line shows too, unless it may be the closing fence.
      const partial = b === this.open && !CLOSE.startsWith(this.tail.trim()) ? this.tail : ''
      const body = partial ? (b.body ? `${b.body}\n${partial}` : partial) : b.body
      const artifactId = headerText(b.header, 'artifactId')
      return {
        callId: b.callId,
        action: artifactId ? 'revise' : 'create',
        artifactId,
        kind: headerText(b.header, 'kind'),
        title: headerText(b.header, 'title'),
        body,
      }
    })
  }

  private mayBeFence(line: string): boolean {
    const t = line.trimStart()
    return OPEN.startsWith(t) || t.startsWith(OPEN)
  }

  /** One whole line; `newline` says whether it ended with one. Returns the prose it adds. */
  private line(line: string, newline: boolean): string {
    const ending = newline ? '\n' : ''
    if (this.open) {
      if (line.trim() === CLOSE) {
        this.open.closed = true
        this.open = undefined
        return ''
      }
      this.open.body = this.open.body ? `${this.open.body}\n${line}` : line
      return ''
    }
    const t = line.trimStart()
    if (t.startsWith(OPEN)) {
      const header = parseHeader(t.slice(OPEN.length))
      const block: Block = { callId: `block-${this.all.length + 1}`, header, body: '', closed: false }
      this.all.push(block)
      this.open = block
      const title = headerText(header, 'title')
      // A short line where the material was, so the reply still reads as one text.
      return `*Material: ${title?.replace(/[*_\n]/g, ' ').trim() || 'ohne Titel'}*\n`
    }
    return line.slice(this.tailSent) + ending
  }
}
