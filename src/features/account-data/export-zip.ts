// Builds the "all my data" ZIP with fflate while the pages arrive: one JSON file per entity written
// record by record (never one huge string), then a Markdown file per chat and per material.

import { strToU8, Zip, ZipDeflate } from 'fflate'
import type { ExportEntity, ExportPage, ExportRow } from '../../data/index.ts'
import { chatMarkdown, fileStem, materialMarkdown } from './export-markdown.ts'

// Share of the progress bar per entity (messages dominate), the rest for the Markdown files.
const WEIGHT: Record<ExportEntity, number> = {
  profiles: 0.02,
  conversations: 0.08,
  messages: 0.6,
  artifacts: 0.05,
  artifactVersions: 0.2,
}
const ORDER: ExportEntity[] = ['profiles', 'conversations', 'messages', 'artifacts', 'artifactVersions']

export interface ZipLabels {
  teacher: string
  assistant: string
  untitled: string
}

export interface ExportSummary {
  counts: Record<ExportEntity, number>
}

/** Lets the browser paint (the progress bar) between pieces of work. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export async function buildExportZip(
  pages: AsyncIterable<ExportPage>,
  about: { userId: string; email: string | null; exportedAt: string },
  labels: ZipLabels,
  onProgress: (fraction: number) => void,
): Promise<{ blob: Blob; summary: ExportSummary }> {
  const chunks: Uint8Array[] = []
  let failed: Error | null = null
  let finished!: () => void
  const done = new Promise<void>((resolve) => {
    finished = resolve
  })
  const zip = new Zip((err, data, final) => {
    if (err) failed = err
    else chunks.push(data)
    if (final || err) finished()
  })
  const addFile = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 })
    zip.add(file)
    file.push(strToU8(text), true)
  }

  addFile('account.json', `${JSON.stringify(about, null, 2)}\n`)
  const counts = Object.fromEntries(ORDER.map((e) => [e, 0])) as Record<ExportEntity, number>
  const conversations: ExportRow[] = []
  const messagesByConversation = new Map<string, ExportRow[]>()
  const artifacts: ExportRow[] = []
  const latestVersion = new Map<string, ExportRow>()
  // The JSON file being written; one at a time, so the archive's entries stay in order.
  const current: { entity: ExportEntity | null; file: ZipDeflate | null } = { entity: null, file: null }
  const close = () => {
    if (current.file && current.entity)
      current.file.push(strToU8(counts[current.entity] ? '\n]\n' : ']\n'), true)
    current.file = null
    current.entity = null
  }

  for await (const page of pages) {
    let file = current.entity === page.entity ? current.file : null
    if (!file) {
      close()
      file = new ZipDeflate(`data/${page.entity}.json`, { level: 6 })
      zip.add(file)
      file.push(strToU8('['))
      current.file = file
      current.entity = page.entity
    }
    const text = page.rows
      .map((row, i) => `${counts[page.entity] + i ? ',' : ''}\n  ${JSON.stringify(row)}`)
      .join('')
    file.push(strToU8(text))
    counts[page.entity] += page.rows.length
    for (const row of page.rows) keep(page.entity, row)
    const before = ORDER.slice(0, ORDER.indexOf(page.entity)).reduce((sum, e) => sum + WEIGHT[e], 0)
    onProgress(before + WEIGHT[page.entity] * page.progress)
    await breathe()
  }
  close()

  function keep(entity: ExportEntity, row: ExportRow) {
    if (entity === 'conversations') conversations.push(row)
    else if (entity === 'artifacts') artifacts.push(row)
    else if (entity === 'messages') {
      const key = String(row.conversationId)
      const list = messagesByConversation.get(key)
      if (list) list.push(row)
      else messagesByConversation.set(key, [row])
    } else if (entity === 'artifactVersions') {
      const key = String(row.artifactId)
      const current = latestVersion.get(key)
      if (!current || Number(row.version) > Number(current.version)) latestVersion.set(key, row)
    }
  }

  const documents = conversations.length + artifacts.length
  let written = 0
  for (const c of conversations) {
    addFile(
      `chats/${fileStem(c.title, c.id)}.md`,
      chatMarkdown(c, messagesByConversation.get(c.id) ?? [], labels),
    )
    if (++written % 50 === 0) {
      onProgress(0.95 + (0.05 * written) / documents)
      await breathe()
    }
  }
  for (const a of artifacts) {
    addFile(`materials/${fileStem(a.title, a.id)}.md`, materialMarkdown(a, latestVersion.get(a.id)))
    if (++written % 50 === 0) {
      onProgress(0.95 + (0.05 * written) / documents)
      await breathe()
    }
  }
  zip.end()
  await done
  if (failed) throw failed
  onProgress(1)
  return { blob: new Blob(chunks as BlobPart[], { type: 'application/zip' }), summary: { counts } }
}
