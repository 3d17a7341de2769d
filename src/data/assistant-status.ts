// Whether an assistant will answer the teacher's prompts: the workers' heartbeat records, live, turned
// into a state on this device's clock (src/lib/assistant-state.ts) and looked at again as time passes.

import { useEffect, useRef, useState } from 'react'
import {
  type AssistantStatus,
  assistantStatus,
  heardAtOf,
  noteBeats,
  recheckInterval,
  type Sighting,
  type WorkerBeat,
} from '../lib/assistant-state.ts'
import { db } from './db.ts'

/**
 * The assistant's state, or undefined while it cannot be known: still loading, or no live connection
 * (then no beat can arrive, and the connection badge already says so).
 */
export function useAssistantStatus(): AssistantStatus | undefined {
  const { data, error } = db.useQuery({ assistantWorkers: {} })
  const connection = db.useConnectionStatus()
  const beats = data?.assistantWorkers as WorkerBeat[] | undefined
  const sightings = useRef(new Map<string, Sighting>())
  const [now, setNow] = useState(() => Date.now())

  useEffect(() => {
    if (!beats) return
    const at = Date.now()
    noteBeats(sightings.current, beats, at)
    setNow(at)
  }, [beats])

  // A worker that falls silent changes nothing in the query: look again on a timer.
  const interval = beats ? recheckInterval(beats) : undefined
  useEffect(() => {
    if (interval === undefined) return
    const timer = setInterval(() => setNow(Date.now()), interval)
    return () => clearInterval(timer)
  }, [interval])

  if (!beats || error || connection !== 'authenticated') return undefined
  return assistantStatus(beats, now, heardAtOf(sightings.current))
}
