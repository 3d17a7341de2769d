// Writes a growing reply to the database: the first words at once, then text and material drafts
// batched to one write per interval (never one per token), in order, and the final status with the
// reply's artifacts in one last transaction. Every write of the reply is an update without upsert, so
// a reply deleted meanwhile (its chat was deleted) is never brought back. With a live stream open
// (reply-stream.ts) every delta goes there at once and the text is written durably less often.

import type { MaterialDraft } from '../../src/materials/draft.ts'
import type { AdminDb } from './admin-db.ts'
import type { TxStep } from './materials/material-writes.ts'
import type { LiveReply } from './reply-stream.ts'

export type FinalStatus = 'done' | 'error' | 'stopped'

export class ReplyWriter {
  private text = ''
  private written = ''
  private readDrafts: (() => MaterialDraft[]) | undefined
  private draftsWritten = ''
  private timer: NodeJS.Timeout | undefined
  /** When the pending timer fires (a later request never postpones an earlier write). */
  private due = Number.POSITIVE_INFINITY
  private chain: Promise<void> = Promise.resolve()
  private failure: unknown

  constructor(
    private readonly db: AdminDb,
    private readonly replyId: string,
    private readonly intervalMs: number,
    /** Called once when a write fails (the reply is gone, or the database refused). */
    private readonly onWriteFailed: (err: unknown) => void,
    /** The reply's stream, and how often the text is written durably while it is open. */
    private readonly live?: { reply: LiveReply; intervalMs: number },
  ) {
    // A stream that fails mid-reply: what it carried is written now, then at the usual interval.
    if (live) live.reply.onFailed = () => this.flush()
  }

  get length(): number {
    return this.text.length
  }

  append(delta: string): void {
    if (!delta) return
    this.text += delta
    const live = this.live
    live?.reply.write(delta)
    if (live?.reply.isOpen) this.schedule(live.intervalMs)
    else this.schedule(this.written === '' ? 0 : this.intervalMs)
  }

  /**
   * The materials being written changed; `read` gives them at the next write (read then, not now:
   * a long body re-read on every token would cost more than the writing). Shown on the reply until
   * the last write clears them. Drafts are never streamed: they keep the usual interval.
   */
  draftsChanged(read: () => MaterialDraft[]): void {
    this.readDrafts = read
    this.schedule(this.draftsWritten === '' ? 0 : this.intervalMs)
  }

  // The first words (and a material's first sign) go out at once unless the stream carries them:
  // the wait for them is what a teacher notices most.
  private schedule(delayMs: number): void {
    if (delayMs === 0) {
      this.flush()
      return
    }
    const at = Date.now() + delayMs
    if (this.timer && this.due <= at) return
    clearTimeout(this.timer)
    this.due = at
    this.timer = setTimeout(() => this.flush(), delayMs)
  }

  private flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.due = Number.POSITIVE_INFINITY
    const fields: Record<string, unknown> = {}
    if (this.text !== this.written) fields.text = this.text
    const current = this.readDrafts?.()
    const drafts = current ? JSON.stringify(current) : ''
    if (drafts !== this.draftsWritten) fields.materialDrafts = current
    if (!Object.keys(fields).length) return
    this.enqueue({ ...fields, updatedAt: Date.now() })
    this.written = this.text
    this.draftsWritten = drafts
  }

  private enqueue(fields: Record<string, unknown>, steps: TxStep[] = []): Promise<void> {
    this.chain = this.chain.then(async () => {
      if (this.failure) return
      try {
        await this.db.transact([
          this.db.tx.messages[this.replyId]!.update(fields, { upsert: false }),
          ...steps,
        ])
      } catch (err) {
        this.failure = err
        this.onWriteFailed(err)
      }
    })
    return this.chain
  }

  /** Writes nothing more: resolves once the writes already sent are settled (a handed-back reply). */
  async settle(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.failure ??= new Error('settled')
    await this.chain
    this.live?.reply.abort('handed-back')
  }

  /**
   * The last write: the whole text, no drafts any more, `steps` (the reply's artifacts) in the same
   * transaction and, unless the teacher stopped the reply (their 'stopped' stays), the final status.
   * Resolves once everything is written; rejects if any write failed.
   */
  async finish(status: FinalStatus, error?: string, steps: TxStep[] = []): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    const fields: Record<string, unknown> = { text: this.text, updatedAt: Date.now() }
    if (status !== 'stopped') fields.status = status
    if (error !== undefined) fields.error = error
    if (this.readDrafts) fields.materialDrafts = null
    await this.enqueue(fields, steps)
    // The stream ends once the durable reply holds everything it carried.
    if (status === 'done' && !this.failure) this.live?.reply.close()
    else this.live?.reply.abort(status)
    if (this.failure) throw this.failure
  }
}
