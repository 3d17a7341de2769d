// Exports every entity, attribute and link of an app through the admin API into a JSON-lines file,
// one namespace page at a time (bounded memory), with a checkpoint so a stopped export resumes.

import { closeSync, existsSync, ftruncateSync, openSync, writeSync } from 'node:fs'
import { init } from '@instantdb/admin'
import { type ExportHeader, type NamespaceShape, pageQuery, toRecord } from './app-shape.ts'
import { clearCheckpoint, readCheckpoint, writeCheckpoint } from './checkpoint.ts'

export interface Endpoint {
  apiUri: string
  appId: string
  adminToken: string
}

export interface ExportProgress {
  ns: string
  /** Records of this namespace written so far. */
  done: number
}

export interface ExportOptions {
  from: Endpoint
  shape: NamespaceShape[]
  file: string
  pageSize?: number
  onProgress?: (p: ExportProgress) => void
}

interface ExportCheckpoint {
  nsIndex: number
  offset: number
  /** Bytes of the file that belong to completed pages; anything after them is cut on resume. */
  bytes: number
}

export function exportCheckpointFile(file: string): string {
  return `${file}.checkpoint.json`
}

/**
 * Pages are read by offset in Instant's default order (creation), so the export expects a quiet app:
 * stop the worker and the web app first (rows created meanwhile may be missed or repeated).
 */
export async function exportApp(opts: ExportOptions): Promise<{ written: number; resumed: boolean }> {
  const pageSize = opts.pageSize ?? 500
  const db = init({ appId: opts.from.appId, adminToken: opts.from.adminToken, apiURI: opts.from.apiUri })
  const cpFile = exportCheckpointFile(opts.file)
  const resumed = existsSync(opts.file) ? readCheckpoint<ExportCheckpoint>(cpFile) : undefined
  if (existsSync(opts.file) && !resumed)
    throw new Error(`${opts.file} already exists and has no checkpoint: choose another file or delete it`)
  const fd = openSync(opts.file, resumed ? 'r+' : 'w', 0o600)
  let records = 0
  try {
    let bytes = resumed?.bytes ?? 0
    if (resumed) ftruncateSync(fd, bytes)
    const write = (line: unknown) => {
      bytes += writeSync(fd, `${JSON.stringify(line)}\n`, bytes)
    }
    if (!resumed) {
      const header: ExportHeader = {
        format: 'eduhu-instant-export',
        version: 1,
        appId: opts.from.appId,
        exportedAt: new Date().toISOString(),
        namespaces: opts.shape.map((n) => n.name),
      }
      write(header)
    }
    for (let i = resumed?.nsIndex ?? 0; i < opts.shape.length; i++) {
      const ns = opts.shape[i] as NamespaceShape
      let offset = resumed && i === resumed.nsIndex ? resumed.offset : 0
      for (;;) {
        const data = (await db.query(pageQuery(ns, pageSize, offset) as never)) as Record<string, unknown[]>
        const rows = (data[ns.name] ?? []) as Record<string, unknown>[]
        for (const row of rows) write(toRecord(ns, row))
        offset += rows.length
        records += rows.length
        writeCheckpoint(cpFile, { nsIndex: i, offset, bytes } satisfies ExportCheckpoint)
        opts.onProgress?.({ ns: ns.name, done: offset })
        if (rows.length < pageSize) break
      }
    }
  } finally {
    closeSync(fd)
  }
  clearCheckpoint(cpFile)
  return { written: records, resumed: resumed !== undefined }
}
