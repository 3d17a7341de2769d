// A material's body laid out for paper: the parts before the tasks, each numbered task on its own
// (so print keeps it on one page), answer-line markers as their own blocks, and the answer key
// apart. Print and DOCX both read this, driven by the kind's layout flags. Pure.

import { answerLineCount, splitAnswerKey, TASK_HEADING } from '../../materials/conventions.ts'
import type { MaterialKind } from '../../materials/kind.ts'
import { kindById } from '../../materials/kinds/index.ts'

export type SheetBlock = { type: 'markdown'; text: string } | { type: 'lines'; count: number }

export interface SheetPart {
  /** A numbered task (`## Aufgabe N …`), kept whole on one page when printed. */
  isTask: boolean
  blocks: SheetBlock[]
}

export interface Sheet {
  layout: MaterialKind['layout']
  parts: SheetPart[]
  /** The answer key's blocks, heading included; null when the kind or body has none. */
  answerKey: SheetBlock[] | null
}

/** What an unknown kind (stored by an older or newer app) gets: the body as it is, no extras. */
const PLAIN_LAYOUT: MaterialKind['layout'] = {
  headerLine: false,
  tasks: false,
  answerLines: false,
  answerKey: false,
}

/** The paper layout of a kind; a kind with a layout of its own would supply it from its folder. */
export function layoutOf(kind: string): MaterialKind['layout'] {
  return kindById(kind)?.layout ?? PLAIN_LAYOUT
}

export function toSheet(body: string, layout: MaterialKind['layout']): Sheet {
  const split = layout.answerKey ? splitAnswerKey(body) : { main: body, answerKey: null }
  const parts: SheetPart[] = []
  let current: SheetPart | null = null
  let inFence = false
  for (const line of split.main.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence
    const startsTask = !inFence && layout.tasks && TASK_HEADING.test(line)
    // Any other level-2 heading ends a task: what follows belongs to no task.
    const endsTask = !inFence && current?.isTask && !startsTask && /^##\s/.test(line)
    if (!current || startsTask || endsTask) {
      current = { isTask: startsTask, blocks: [] }
      parts.push(current)
    }
    addLine(current.blocks, line, layout.answerLines && !inFence)
  }
  const answerKey: SheetBlock[] = []
  if (split.answerKey) for (const line of split.answerKey.split('\n')) addLine(answerKey, line, false)
  return {
    layout,
    parts: parts.map(trimPart).filter((p) => p.blocks.length > 0),
    answerKey: split.answerKey ? answerKey.map(trimBlock) : null,
  }
}

function addLine(blocks: SheetBlock[], line: string, linesAllowed: boolean) {
  const count = answerLineCount(line)
  if (count !== null && linesAllowed) {
    blocks.push({ type: 'lines', count })
    return
  }
  // A marker where no lines are drawn stays readable as a short rule.
  const text = count === null ? line : '\\_'.repeat(30)
  const last = blocks[blocks.length - 1]
  if (last?.type === 'markdown') last.text += `\n${text}`
  else blocks.push({ type: 'markdown', text })
}

function trimBlock(b: SheetBlock): SheetBlock {
  return b.type === 'markdown' ? { type: 'markdown', text: b.text.trim() } : b
}

function trimPart(p: SheetPart): SheetPart {
  return { ...p, blocks: p.blocks.map(trimBlock).filter((b) => b.type === 'lines' || b.text !== '') }
}
