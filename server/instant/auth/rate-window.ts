// Fixed-window counters keyed by string (an address, a client): how often something happened in the
// current window and when the window ends. In memory only: a restart forgives everyone.

interface Window {
  count: number
  resetAt: number
}

/** Entries past this many are swept of ended windows, so many one-off keys cannot grow memory. */
const SWEEP_AT = 10_000

export class RateWindows {
  private windows = new Map<string, Window>()

  constructor(private windowMs: number) {}

  /** How many times `key` was counted in its current window, and when that window ends. */
  peek(key: string, now: number): Window {
    const w = this.windows.get(key)
    return w && w.resetAt > now ? w : { count: 0, resetAt: now + this.windowMs }
  }

  /** Counts one more event for `key`; returns the window after counting. */
  hit(key: string, now: number): Window {
    const w = this.peek(key, now)
    const next = { count: w.count + 1, resetAt: w.resetAt }
    this.windows.set(key, next)
    if (this.windows.size > SWEEP_AT) this.sweep(now)
    return next
  }

  reset(key: string): void {
    this.windows.delete(key)
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key)
  }
}
