// The guard's windows on a controlled clock: a locked address or client is let in again exactly when
// its window ends, refusals say how long to wait, and the admin API is never limited.

import { describe, expect, it } from 'vitest'
import { InstantError } from '../errors.ts'
import { limitsFromEnv } from '../shared/limits.ts'
import type { Logger } from '../shared/log.ts'
import { MagicCodeGuard } from './magic-code-guard.ts'

const MINUTE = 60_000

function guardAt(start: number) {
  const clock = { now: start }
  const logged: string[] = []
  const log: Logger = {
    debug: () => {},
    info: () => {},
    warn: (msg) => logged.push(msg),
    error: () => {},
  }
  const limits = { ...limitsFromEnv({}).magicCodes, failuresPerAddress: 3, sendsPerAddress: 2 }
  return { guard: new MagicCodeGuard(limits, log, () => clock.now), clock, logged, limits }
}

const caller = { client: '192.0.2.1' }

function refusal(fn: () => void): InstantError {
  try {
    fn()
  } catch (err) {
    if (err instanceof InstantError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

describe('MagicCodeGuard', () => {
  it('locks an address after its wrong codes until the window ends', () => {
    const { guard, clock, limits } = guardAt(1_000_000)
    expect(guard.recordFailure('app', 'a@x.de', caller)).toBe(false)
    expect(guard.recordFailure('app', 'a@x.de', caller)).toBe(false)
    expect(guard.recordFailure('app', 'a@x.de', caller)).toBe(true)
    clock.now += 10 * MINUTE
    const err = refusal(() => guard.admitVerify('app', 'a@x.de', caller))
    expect(err.type).toBe('rate-limited')
    expect(err.status).toBe(429)
    expect(err.hint['retry-after']).toBe(limits.windowMs / 1000 - 600)
    expect(err.message).toBe(
      'Too many wrong codes were entered for this e-mail address. Try again in 50 minutes.',
    )
    // Other addresses and other apps are unaffected.
    expect(() => guard.admitVerify('app', 'b@x.de', caller)).not.toThrow()
    expect(() => guard.admitVerify('other-app', 'a@x.de', caller)).not.toThrow()
    clock.now += limits.windowMs - 10 * MINUTE - 1
    expect(() => guard.admitVerify('app', 'a@x.de', caller)).toThrow(InstantError)
    clock.now += 1
    expect(() => guard.admitVerify('app', 'a@x.de', caller)).not.toThrow()
  })

  it('counts sends per address and logs the first refusal of a flood once', () => {
    const { guard, clock, logged, limits } = guardAt(5_000_000)
    guard.admitSend('app', 'a@x.de', caller)
    guard.admitSend('app', 'a@x.de', caller)
    for (let k = 0; k < 50; k++) expect(() => guard.admitSend('app', 'a@x.de', caller)).toThrow(/Try again/)
    expect(logged).toEqual(['magic code refused: too many codes requested'])
    clock.now += limits.windowMs
    expect(() => guard.admitSend('app', 'a@x.de', caller)).not.toThrow()
  })

  it('never limits the admin API', () => {
    const { guard } = guardAt(0)
    for (let k = 0; k < 20; k++) guard.admitSend('app', 'a@x.de', 'admin')
    for (let k = 0; k < 20; k++) expect(guard.recordFailure('app', 'a@x.de', 'admin')).toBe(false)
    expect(() => guard.admitVerify('app', 'a@x.de', 'admin')).not.toThrow()
  })
})
