// The messages sent to the model for one request: the system prompt, then the conversation's path
// from its start to the request, cut to a character budget from the oldest end (whole messages).

import type { ChatMessage } from '../openai-stream.ts'

export interface PathMessage {
  role: string
  text: string
  status: string
  /** Materials the reply wrote (artifact versions): named after its text. */
  materials?: { id: string; title: string; version: number }[] | undefined
}

/** A reply's text with a line per material it wrote, so a follow-up knows what exists. */
function withMaterials(m: PathMessage): string {
  if (!m.materials?.length) return m.text
  const lines = m.materials.map((x) => `[Material id=${x.id}, Version ${x.version}: ${x.title}]`)
  return [m.text.trim(), ...lines].filter(Boolean).join('\n')
}

/** `path` runs from the conversation's first message to the request, in order. */
export function modelMessages(system: string, path: PathMessage[], budgetChars: number): ChatMessage[] {
  const turns: ChatMessage[] = []
  let used = 0
  for (let k = path.length - 1; k >= 0; k--) {
    const m = path[k]!
    const text = withMaterials(m)
    // Failed replies are no context; a stopped reply is, as far as it got.
    if (m.role === 'assistant' && (m.status === 'error' || !text.trim())) continue
    const isRequest = k === path.length - 1
    if (!isRequest && used + text.length > budgetChars) break
    used += text.length
    turns.push({ role: m.role === 'assistant' ? 'assistant' : 'user', content: text })
  }
  return [{ role: 'system', content: system }, ...turns.reverse()]
}
