// What the screen reader hears about replies: one message when a reply finishes ('done'), never the
// tokens while it streams, and nothing for replies that were already finished when the chat opened.

import { useEffect, useRef, useState } from 'react'
import type { ChatMessage } from '../../data/messages.ts'
import { useT } from '../../i18n/index.ts'

const WATCHED_TAIL = 6
const MAX_ANNOUNCED_CHARS = 300

/**
 * Replies among the last messages of the path that were seen unfinished before and are 'done'
 * now. `seen` (id → last status) is updated in place.
 */
export function newlyFinishedReplies(seen: Map<string, string>, path: readonly ChatMessage[]): ChatMessage[] {
  const finished: ChatMessage[] = []
  for (const m of path.slice(-WATCHED_TAIL)) {
    if (m.role !== 'assistant') continue
    const before = seen.get(m.id)
    if (m.status === 'done' && before !== undefined && before !== 'done') finished.push(m)
    seen.set(m.id, m.status)
  }
  return finished
}

/** Markdown reduced to what is worth reading aloud, cut at a word boundary. */
export function toSpokenText(markdown: string): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|$\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (plain.length <= MAX_ANNOUNCED_CHARS) return plain
  const cut = plain.slice(0, MAX_ANNOUNCED_CHARS)
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)} …`
}

/** The live region's text; changes once per finished reply. */
export function useReplyAnnouncement(path: readonly ChatMessage[]): string {
  const t = useT()
  const seen = useRef(new Map<string, string>())
  const [text, setText] = useState('')
  useEffect(() => {
    const finished = newlyFinishedReplies(seen.current, path)
    const last = finished[finished.length - 1]
    if (last) setText(t('chat.replyReady', { text: toSpokenText(last.text) }))
  }, [path, t])
  return text
}
