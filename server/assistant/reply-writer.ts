// Writes a growing reply to the database: the first words at once, then text batched to one write
// per interval (never one per token), writes in order, and the final status in one last write. Every write is an update without
// upsert, so a reply deleted meanwhile (its chat was deleted) is never brought back.

import type { AdminDb } from './admin-db.ts'

export type FinalStatus = 'done' | 'error' | 'stopped'

export class ReplyWriter {
  private text = ''
  private written = ''
  private timer: NodeJS.Timeout | undefined
  private chain: Promise<void> = Promise.resolve()
  private failure: unknown

  constructor(
    private readonly db: AdminDb,
    private readonly replyId: string,
    private readonly intervalMs: number,
    /** Called once when a write fails (the reply is gone, or the database refused). */
    private readonly onWriteFailed: (err: unknown) => void,
  ) {}

  get length(): number {
    return this.text.length
  }

  append(delta: string): void {
    this.text += delta
    // The first words go out at once: the wait for them is what a teacher notices most.
    if (this.intervalMs === 0 || this.written === '') this.flush()
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs)
  }

  private flush(): void {
    this.timer = undefined
    if (this.text === this.written) return
    const text = this.text
    this.enqueue({ text, updatedAt: Date.now() })
    this.written = text
  }

  private enqueue(fields: Record<string, unknown>): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.failure) return
      try {
        await this.db.transact(this.db.tx.messages[this.replyId]!.update(fields, { upsert: false }))
      } catch (err) {
        this.failure = err
        this.onWriteFailed(err)
      }
    })
    return this.chain
  }

  /**
   * The last write: the whole text and, unless the teacher stopped the reply (their 'stopped' stays),
   * the final status. Resolves once everything is written; rejects if any write failed.
   */
  async finish(status: FinalStatus, error?: string): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const fields: Record<string, unknown> = { text: this.text, updatedAt: Date.now() }
    if (status !== 'stopped') fields.status = status
    if (error !== undefined) fields.error = error
    await this.enqueue(fields)
    if (this.failure) throw this.failure
  }
}
