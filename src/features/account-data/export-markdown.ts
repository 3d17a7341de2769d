// The readable half of the data export: a chat as Markdown (the branch the chat shows, oldest
// first; every branch stays in messages.json) and a material as its newest version. Pure.

import type { ExportRow } from '../../data/index.ts'
import { buildTree, currentPath } from '../../lib/message-tree.ts'

const time = (v: unknown) => new Date(v as string | number).getTime()

export function chatMarkdown(
  conversation: ExportRow,
  messages: readonly ExportRow[],
  labels: { teacher: string; assistant: string; untitled: string },
): string {
  const tree = buildTree(
    messages.map((m) => ({
      id: m.id,
      parentId: (m.parentId as string | null) ?? null,
      role: String(m.role),
      status: String(m.status),
      text: String(m.text ?? ''),
      createdAt: time(m.createdAt),
    })),
  )
  const path = currentPath(tree, (conversation.activeMessageId as string | null) ?? null)
  const title = String(conversation.title ?? '').trim() || labels.untitled
  const parts = path.messages
    .filter((m) => m.text.trim() !== '')
    .map((m) => {
      const who = m.role === 'assistant' ? labels.assistant : labels.teacher
      return `## ${who} · ${new Date(m.createdAt).toISOString()}\n\n${m.text.trim()}\n`
    })
  return `# ${title}\n\n${parts.join('\n')}`
}

export function materialMarkdown(artifact: ExportRow, latest: ExportRow | undefined): string {
  const body = String(latest?.body ?? '').trim()
  const version = latest ? ` (v${String(latest.version)})` : ''
  return `# ${String(artifact.title ?? '')}${version}\n\n${body}\n`
}

/** A file name stem: letters, digits and dashes, with the id's start so two equal titles differ. */
export function fileStem(title: unknown, id: string): string {
  const stem = String(title ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${stem || 'untitled'}-${id.slice(0, 8)}`
}
