// The live connection state of the Instant client; only 'authenticated' means data is flowing.

import { db } from './db.ts'

export function useConnectionStatus() {
  return db.useConnectionStatus()
}
