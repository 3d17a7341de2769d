// Loads the personal-data detector on demand: its rules and name lists are the largest part of the
// composer, and nothing on screen needs them before the teacher types. Kept once loaded; retried on failure.

import type { detectPersonalData } from './detect-personal-data.ts'

export type Detect = typeof detectPersonalData

let loaded: Detect | undefined
let loading: Promise<Detect> | undefined

/** The detector, loading it first if needed; rejects when its chunk cannot be loaded (a later call retries). */
export function loadDetector(): Promise<Detect> {
  loading ??= import('./detect-personal-data.ts').then(
    (m) => {
      loaded = m.detectPersonalData
      return loaded
    },
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The detector if it has loaded, so a render can use it without waiting. */
export function loadedDetector(): Detect | undefined {
  return loaded
}
