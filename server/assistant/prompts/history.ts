// The messages sent to the model for one request: the system prompt, then the conversation's path
// from its start to the request, cut to a character budget from the oldest end (whole messages).

import type { ChatMessage } from '../openai-stream.ts'

export interface PathMessage {
  role: string
  text: string
  status: string
}

/** `path` runs from the conversation's first message to the request, in order. */
export function modelMessages(system: string, path: PathMessage[], budgetChars: number): ChatMessage[] {
  const turns: ChatMessage[] = []
  let used = 0
  for (let k = path.length - 1; k >= 0; k--) {
    const m = path[k]!
    // Failed replies are no context; a stopped reply is, as far as it got.
    if (m.role === 'assistant' && (m.status === 'error' || !m.text.trim())) continue
    const isRequest = k === path.length - 1
    if (!isRequest && used + m.text.length > budgetChars) break
    used += m.text.length
    turns.push({ role: m.role === 'assistant' ? 'assistant' : 'user', content: m.text })
  }
  return [{ role: 'system', content: system }, ...turns.reverse()]
}
