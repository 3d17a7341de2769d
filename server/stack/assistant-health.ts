// /health's view of the assistant: the state the app shows (ready, none, unreachable, failing), from
// the workers' heartbeat records. Model names only: never URLs, keys or prompts.

import { assistantStatus } from '../../src/lib/assistant-state.ts'
import type { InstantTarget } from '../assistant/admin-db.ts'
import { adminDb } from '../assistant/admin-db.ts'

export function assistantHealth(target: InstantTarget): () => Promise<Record<string, unknown>> {
  const db = adminDb(target)
  return async () => {
    try {
      const { assistantWorkers } = await db.query({ assistantWorkers: {} })
      const workers = assistantWorkers ?? []
      return { assistant: { ...assistantStatus(workers, Date.now()), workers: workers.length } }
    } catch {
      // Health must answer even when the records cannot be read; the server itself is still up.
      return { assistant: { state: 'unknown' } }
    }
  }
}
