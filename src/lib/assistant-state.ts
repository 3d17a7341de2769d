// Whether an assistant will answer, from the workers' heartbeat records (server/assistant/heartbeat.ts).
// Pure: the app (src/data/assistant-status.ts) and the server's /health both derive the state here.

/** ready · none configured (no worker ever announced itself) · not reachable · model failing. */
export type AssistantState = 'ready' | 'none' | 'unreachable' | 'failing'

/** One `assistantWorkers` record as read from the database. */
export interface WorkerBeat {
  id: string
  model: string
  endpointHost?: string | null | undefined
  beatAt: number | string
  staleAfterMs: number
  stoppedAt?: number | string | null | undefined
  modelOk?: boolean | null | undefined
  modelError?: string | null | undefined
}

export interface AssistantStatus {
  state: AssistantState
  /** The model of a worker that is there (the freshest one), for 'ready' and 'failing'. */
  model?: string | undefined
  /** That worker's model endpoint host (no path, no key), for 'ready' and 'failing'. */
  host?: string | undefined
  /** The failure code of the model's last reply, for 'failing'. */
  error?: string | undefined
}

const time = (value: number | string) => new Date(value).getTime()

/**
 * A worker is there while its last beat is younger than its own bound on `now`'s clock, or while
 * `heardAt` (when this device last saw the beat move, on its own clock) is: a device whose clock is
 * off still sees a beating worker as there. A worker that shut down on purpose is gone at once.
 */
export function isWorkerThere(beat: WorkerBeat, now: number, heardAt?: number): boolean {
  if (beat.stoppedAt != null && time(beat.stoppedAt) >= time(beat.beatAt)) return false
  if (heardAt !== undefined && now - heardAt <= beat.staleAfterMs) return true
  return now - time(beat.beatAt) <= beat.staleAfterMs
}

/** Only set when the worker wrote one (workers from before the field have none). */
const hostOf = (beat: WorkerBeat) => (beat.endpointHost ? { host: beat.endpointHost } : {})

/** Ready when any worker is there and its model works; failing when all that are there fail. */
export function assistantStatus(
  beats: readonly WorkerBeat[],
  now: number,
  heardAt: ReadonlyMap<string, number> = new Map(),
): AssistantStatus {
  if (beats.length === 0) return { state: 'none' }
  const there = beats
    .filter((b) => isWorkerThere(b, now, heardAt.get(b.id)))
    .sort((a, b) => time(b.beatAt) - time(a.beatAt))
  if (there.length === 0) return { state: 'unreachable' }
  const working = there.find((b) => b.modelOk !== false)
  if (working) return { state: 'ready', model: working.model, ...hostOf(working) }
  const [freshest] = there as [WorkerBeat]
  return {
    state: 'failing',
    model: freshest.model,
    ...hostOf(freshest),
    error: freshest.modelError ?? undefined,
  }
}

/** What this device saw of one worker's beat: its value, how often it moved, when it last moved. */
export interface Sighting {
  beatAt: number
  moves: number
  heardAt?: number
}

/**
 * Records the beats as seen at `at` (device clock) and returns when each worker was last heard
 * beating. The first move may only be a cached result giving way to the server's; from the second
 * on, the worker is beating now, whatever this device's clock says.
 */
export function noteBeats(
  sightings: Map<string, Sighting>,
  beats: readonly WorkerBeat[],
  at: number,
): Map<string, number> {
  for (const beat of beats) {
    const beatAt = time(beat.beatAt)
    const seen = sightings.get(beat.id)
    if (!seen) sightings.set(beat.id, { beatAt, moves: 0 })
    else if (seen.beatAt !== beatAt) {
      seen.beatAt = beatAt
      seen.moves++
      if (seen.moves >= 2) seen.heardAt = at
    }
  }
  return heardAtOf(sightings)
}

export function heardAtOf(sightings: ReadonlyMap<string, Sighting>): Map<string, number> {
  const heard = new Map<string, number>()
  for (const [id, seen] of sightings) if (seen.heardAt !== undefined) heard.set(id, seen.heardAt)
  return heard
}

/** How often to look again, so a worker that went silent shows as gone soon after its bound. */
export function recheckInterval(beats: readonly WorkerBeat[]): number {
  const bound = Math.min(...beats.map((b) => b.staleAfterMs), 20_000)
  return Math.max(250, Math.round(bound / 4))
}
