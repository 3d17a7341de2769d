import { describe, expect, it } from 'vitest'
import {
  assistantStatus,
  noteBeats,
  recheckInterval,
  type Sighting,
  type WorkerBeat,
} from './assistant-state.ts'

const NOW = Date.parse('2026-03-02T08:00:00Z')
const beat = (over: Partial<WorkerBeat> = {}): WorkerBeat => ({
  id: 'w1',
  model: 'llama3.1',
  beatAt: NOW - 1_000,
  staleAfterMs: 30_000,
  ...over,
})

describe('assistantStatus', () => {
  it('says none is configured when no worker ever announced itself', () => {
    expect(assistantStatus([], NOW)).toEqual({ state: 'none' })
  })

  it('is ready with a fresh beat and names the model', () => {
    expect(assistantStatus([beat()], NOW)).toEqual({ state: 'ready', model: 'llama3.1' })
    expect(assistantStatus([beat({ modelOk: true })], NOW).state).toBe('ready')
  })

  it('passes on the endpoint host of the worker it reports on', () => {
    const older = beat({ id: 'w0', endpointHost: 'old.example.org', beatAt: NOW - 5_000 })
    expect(assistantStatus([older, beat({ endpointHost: 'api.example.org' })], NOW)).toEqual({
      state: 'ready',
      model: 'llama3.1',
      host: 'api.example.org',
    })
    const failing = beat({ endpointHost: 'api.example.org', modelOk: false, modelError: 'model-auth' })
    expect(assistantStatus([failing], NOW).host).toBe('api.example.org')
    expect(
      assistantStatus([beat({ endpointHost: 'api.example.org', stoppedAt: NOW })], NOW).host,
    ).toBeUndefined()
  })

  it('counts a beat exactly at its bound as there, and one past it as gone', () => {
    expect(assistantStatus([beat({ beatAt: NOW - 30_000 })], NOW).state).toBe('ready')
    expect(assistantStatus([beat({ beatAt: NOW - 30_001 })], NOW).state).toBe('unreachable')
  })

  it('reads dates as ISO strings too (as the admin SDK returns them)', () => {
    const iso = new Date(NOW - 60_000).toISOString()
    expect(assistantStatus([beat({ beatAt: iso })], NOW).state).toBe('unreachable')
  })

  it('is unreachable at once when the only worker shut down, until it beats again', () => {
    expect(assistantStatus([beat({ stoppedAt: NOW - 500 })], NOW).state).toBe('unreachable')
    expect(assistantStatus([beat({ stoppedAt: NOW - 5_000 })], NOW).state).toBe('ready')
  })

  it('trusts a beat this device saw arrive even when the device clock runs ahead', () => {
    const skewed = beat({ beatAt: NOW - 10 * 60_000 })
    expect(assistantStatus([skewed], NOW).state).toBe('unreachable')
    expect(assistantStatus([skewed], NOW, new Map([['w1', NOW - 2_000]])).state).toBe('ready')
    expect(assistantStatus([skewed], NOW, new Map([['w1', NOW - 31_000]])).state).toBe('unreachable')
  })

  it('is failing when every worker that is there had its model fail, with the freshest code', () => {
    const status = assistantStatus(
      [
        beat({ modelOk: false, modelError: 'model-unreachable', beatAt: NOW - 3_000 }),
        beat({ id: 'w2', modelOk: false, modelError: 'model-auth', model: 'gpt-4o-mini' }),
      ],
      NOW,
    )
    expect(status).toEqual({ state: 'failing', model: 'gpt-4o-mini', error: 'model-auth' })
  })

  it('is ready when one worker fails but another works, and ignores gone workers', () => {
    const beats = [
      beat({ modelOk: false, modelError: 'model-auth' }),
      beat({ id: 'w2', model: 'mistral', modelOk: true }),
      beat({ id: 'old', model: 'old', beatAt: NOW - 3_600_000 }),
    ]
    expect(assistantStatus(beats, NOW)).toEqual({ state: 'ready', model: 'mistral' })
    expect(assistantStatus([beats[0]!, beats[2]!], NOW).state).toBe('failing')
  })
})

describe('recheckInterval', () => {
  it('looks again four times per bound, between 250 ms and 5 s', () => {
    expect(recheckInterval([beat({ staleAfterMs: 2_000 })])).toBe(500)
    expect(recheckInterval([beat({ staleAfterMs: 400 })])).toBe(250)
    expect(recheckInterval([beat({ staleAfterMs: 45_000 })])).toBe(5_000)
    expect(recheckInterval([])).toBe(5_000)
  })
})

describe('noteBeats', () => {
  it('hears a worker only from the second move of its beat (the first may be cache → server)', () => {
    const sightings = new Map<string, Sighting>()
    expect(noteBeats(sightings, [beat({ beatAt: 1_000 })], NOW)).toEqual(new Map())
    expect(noteBeats(sightings, [beat({ beatAt: 1_000 })], NOW + 100)).toEqual(new Map())
    expect(noteBeats(sightings, [beat({ beatAt: 2_000 })], NOW + 200)).toEqual(new Map())
    expect(noteBeats(sightings, [beat({ beatAt: 3_000 })], NOW + 300)).toEqual(new Map([['w1', NOW + 300]]))
    // Unchanged beats keep the last time it was heard.
    expect(noteBeats(sightings, [beat({ beatAt: 3_000 })], NOW + 900)).toEqual(new Map([['w1', NOW + 300]]))
  })
})
