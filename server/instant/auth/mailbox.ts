// The local dev mailbox: magic codes the server would have e-mailed, kept in memory (newest first)
// and written to the log, so a teacher on a local install can still sign in.

import type { Mailbox } from '../context.ts'
import type { Logger } from '../shared/log.ts'

const KEEP = 200

export class MemoryMailbox implements Mailbox {
  private entries: { appId: string; email: string; code: string; at: string }[] = []

  constructor(private log: Logger) {}

  deliver = (appId: string, email: string, code: string): void => {
    this.entries.unshift({ appId, email, code, at: new Date().toISOString() })
    this.entries.length = Math.min(this.entries.length, KEEP)
    this.log.info(`magic code for ${email}: ${code}`, { appId })
  }

  list(appId: string, email?: string) {
    return this.entries
      .filter((e) => e.appId === appId && (!email || e.email === email.toLowerCase()))
      .map(({ email, code, at }) => ({ email, code, at }))
  }
}
