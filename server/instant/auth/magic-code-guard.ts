// Rate limits around magic codes: how many codes one address or client may request, and how many wrong
// codes one address or client may try per window. Refusals are 429 `rate-limited` errors with a
// retry-after, and each is logged. Knows nothing of HTTP or SQL; Users asks it before acting.

import { InstantError } from '../errors.ts'
import type { MagicCodeLimits } from '../shared/limits.ts'
import type { Logger } from '../shared/log.ts'
import { RateWindows } from './rate-window.ts'

/** Who is asking: a runtime client by its address, or the app's own server through the admin API. */
export type MagicCodeCaller = { client: string } | 'admin'

export class MagicCodeGuard {
  private sendsByAddress: RateWindows
  private sendsByClient: RateWindows
  private failuresByAddress: RateWindows
  private failuresByClient: RateWindows
  // Refusals are logged at the first of a window and every 100th after, so a flood cannot flood the log.
  private refusals: RateWindows

  constructor(
    readonly limits: MagicCodeLimits,
    private log: Logger,
    private now: () => number = Date.now,
  ) {
    this.sendsByAddress = new RateWindows(limits.windowMs)
    this.sendsByClient = new RateWindows(limits.windowMs)
    this.failuresByAddress = new RateWindows(limits.windowMs)
    this.failuresByClient = new RateWindows(limits.windowMs)
    this.refusals = new RateWindows(limits.windowMs)
  }

  /** Counts a code request; throws `rate-limited` when the address or the client asked too often. */
  admitSend(appId: string, email: string, caller: MagicCodeCaller): void {
    if (caller === 'admin') return
    const now = this.now()
    const address = this.sendsByAddress.peek(`${appId}\u0000${email}`, now)
    if (address.count >= this.limits.sendsPerAddress) {
      this.refuse('send', 'address', { appId, email, client: caller.client }, address.resetAt, now)
    }
    const client = this.sendsByClient.peek(caller.client, now)
    if (client.count >= this.limits.sendsPerClient) {
      this.refuse('send', 'client', { appId, email, client: caller.client }, client.resetAt, now)
    }
    this.sendsByAddress.hit(`${appId}\u0000${email}`, now)
    this.sendsByClient.hit(caller.client, now)
  }

  /**
   * Throws `rate-limited` when the address or the client already guessed wrong too often: then even
   * the right code is refused until the window ends, so guessing cannot continue.
   */
  admitVerify(appId: string, email: string, caller: MagicCodeCaller): void {
    if (caller === 'admin') return
    const now = this.now()
    const address = this.failuresByAddress.peek(`${appId}\u0000${email}`, now)
    if (address.count >= this.limits.failuresPerAddress) {
      this.refuse('verify', 'address', { appId, email, client: caller.client }, address.resetAt, now)
    }
    const client = this.failuresByClient.peek(caller.client, now)
    if (client.count >= this.limits.failuresPerClient) {
      this.refuse('verify', 'client', { appId, email, client: caller.client }, client.resetAt, now)
    }
  }

  /** Counts a wrong code; true when the address has now used up its wrong guesses for the window. */
  recordFailure(appId: string, email: string, caller: MagicCodeCaller): boolean {
    if (caller === 'admin') return false
    const now = this.now()
    this.failuresByClient.hit(caller.client, now)
    const address = this.failuresByAddress.hit(`${appId}\u0000${email}`, now)
    this.log.info('magic code: wrong code', { appId, email, client: caller.client, failures: address.count })
    return address.count >= this.limits.failuresPerAddress
  }

  /** The owner of the address signed in: their earlier typos no longer count against them. */
  recordSuccess(appId: string, email: string): void {
    this.failuresByAddress.reset(`${appId}\u0000${email}`)
  }

  private refuse(
    action: 'send' | 'verify',
    scope: 'address' | 'client',
    who: { appId: string; email: string; client: string },
    resetAt: number,
    now: number,
  ): never {
    const retryAfter = Math.max(1, Math.ceil((resetAt - now) / 1000))
    const key = scope === 'client' ? who.client : `${who.appId}\u0000${who.email}`
    const refused = this.refusals.hit(`${action}\u0000${scope}\u0000${key}`, now).count
    if (refused === 1 || refused % 100 === 0) {
      this.log.warn(`magic code refused: too many ${action === 'send' ? 'codes requested' : 'wrong codes'}`, {
        ...who,
        scope,
        refusedInWindow: refused,
        retryAfterSeconds: retryAfter,
      })
    }
    const what =
      action === 'send'
        ? scope === 'address'
          ? 'Too many codes were requested for this e-mail address.'
          : 'Too many codes were requested from your network.'
        : scope === 'address'
          ? 'Too many wrong codes were entered for this e-mail address.'
          : 'Too many wrong codes were entered from your network.'
    throw new InstantError('rate-limited', `${what} Try again in ${minutesText(retryAfter)}.`, {
      'retry-after': retryAfter,
      'retry-at': new Date(now + retryAfter * 1000).toISOString(),
    })
  }
}

function minutesText(seconds: number): string {
  if (seconds < 60) return `${seconds} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}
