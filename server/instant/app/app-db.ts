// One app's live database: the in-memory store plus its durable SQLite copy. Every write goes
// through transact(): apply and validate in memory, persist, then announce the commit.

import { randomUUID } from 'node:crypto'
import type { Attr, Json } from '../model/types.ts'
import type { MemoryStore } from '../storage/memory-store.ts'
import type { AppRow, SqliteStorage } from '../storage/sqlite.ts'
import { applyTxSteps, type TxOutcome } from '../tx/apply-tx-steps.ts'
import { TxLog } from '../tx/tx-log.ts'

export interface Commit {
  app: AppDb
  txId: number
  /** Etypes whose data changed: queries reading none of them need no refresh. */
  etypes: Set<string>
  attrsChanged: boolean
  outcome: TxOutcome
}

export interface TransactOptions {
  isAdmin: boolean
  /** Runs after the tx is applied in memory and before it is persisted; throwing rejects the whole tx. */
  check?: (log: TxLog, outcome: TxOutcome) => void
}

export type CommitListener = (commit: Commit) => void

export class AppDb {
  private listeners = new Set<CommitListener>()
  private lastNow = 0

  constructor(
    readonly row: AppRow,
    readonly store: MemoryStore,
    private storage: SqliteStorage,
  ) {}

  get id(): string {
    return this.row.id
  }

  /** The attrs in a stable order and key order (etype, then label), as init-ok and refresh-ok send them. */
  attrs(): Attr[] {
    return [...this.store.attrs.all()]
      .sort((x, y) => {
        const [, ex, lx] = x['forward-identity']
        const [, ey, ly] = y['forward-identity']
        return ex === ey ? (lx < ly ? -1 : lx > ly ? 1 : 0) : ex < ey ? -1 : 1
      })
      .map(canonicalAttr)
  }

  lastTxId(): number {
    return this.storage.lastTxId()
  }

  onCommit(listener: CommitListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Applies tx-steps atomically. Resolves only after the tx is durable in SQLite. */
  transact(steps: unknown, opts: TransactOptions): Commit {
    const log = new TxLog(this.store)
    let outcome: TxOutcome
    let txId: number
    let attrsChanged: boolean
    try {
      outcome = applyTxSteps(log, steps, { now: this.txTime(), isAdmin: opts.isAdmin, newId: randomUUID })
      opts.check?.(log, outcome)
      const { added, removed } = log.netTriples()
      const { put, removed: attrsRemoved } = log.changedAttrs()
      attrsChanged = put.length + attrsRemoved.length > 0
      txId = this.storage.commit(this.id, { added, removed, attrsPut: put, attrsRemoved })
    } catch (err) {
      log.undo()
      throw err
    }
    const commit: Commit = {
      app: this,
      txId,
      etypes: changedEtypes(this.store, log),
      attrsChanged,
      outcome,
    }
    for (const listener of this.listeners) listener(commit)
    return commit
  }

  // Every tx gets a later created-at than the one before: default order (serverCreatedAt) then
  // follows commit order even when several commits land within one millisecond.
  private txTime(): number {
    this.lastNow = Math.max(Date.now(), this.lastNow + 1)
    return this.lastNow
  }

  /** Convenience for server-side writes (auth, admin): one entity's attrs by label. */
  valueByLabel(etype: string, e: string, label: string): Json | undefined {
    const attr = this.store.attrs.byForward(etype, label)
    return attr ? this.store.valueOf(e, attr.id) : undefined
  }
}

function changedEtypes(store: MemoryStore, log: TxLog): Set<string> {
  const out = new Set<string>()
  for (const c of log.changes) {
    if (c.kind === 'add' || c.kind === 'remove') {
      const attr = store.attrs.byId(c.triple[1])
      if (!attr) continue
      out.add(attr['forward-identity'][1])
      const rev = attr['reverse-identity']
      if (rev) out.add(rev[1])
    } else out.add(c.attr['forward-identity'][1])
  }
  return out
}

const ATTR_KEYS = [
  'id',
  'forward-identity',
  'reverse-identity',
  'value-type',
  'cardinality',
  'unique?',
  'index?',
  'required?',
  'checked-data-type',
  'inferred-types',
  'on-delete',
  'on-delete-reverse',
  'catalog',
] as const

function canonicalAttr(attr: Attr): Attr {
  const out: Record<string, unknown> = {}
  for (const k of ATTR_KEYS) if (attr[k] !== undefined) out[k] = attr[k]
  return out as unknown as Attr
}
