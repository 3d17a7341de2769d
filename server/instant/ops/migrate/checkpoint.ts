// A small JSON checkpoint beside an export or import, written atomically (temp file + rename) after
// every page or batch, so a stopped run resumes where it left off instead of starting over.

import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'

export function readCheckpoint<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined
  return JSON.parse(readFileSync(file, 'utf8')) as T
}

export function writeCheckpoint(file: string, value: unknown): void {
  const tmp = `${file}.tmp`
  writeFileSync(tmp, JSON.stringify(value), { mode: 0o600 })
  renameSync(tmp, file)
}

export function clearCheckpoint(file: string): void {
  rmSync(file, { force: true })
}
