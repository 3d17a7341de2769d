// Pushes `refresh-ok` after commits: for every session of the app, re-runs each subscribed query that
// reads a changed etype and sends the ones whose result changed. Runs after the current tick, so a
// session always receives its `transact-ok` before the refresh, and bursts of commits coalesce.

import type { AppDb, Commit } from '../app/app-db.ts'
import { digest, type Frame } from '../protocol/frames.ts'
import { runSessionQuery } from '../protocol/run-session-query.ts'
import type { Session } from '../protocol/session.ts'
import { subscriptionEtypes } from './subscription-etypes.ts'

interface Pending {
  txId: number
  etypes: Set<string>
  attrsChanged: boolean
}

export class Refresher {
  private sessions = new Map<string, Set<Session>>()
  private pending = new Map<string, Pending>()
  private scheduled = false

  attach(session: Session): void {
    const app = session.app
    if (!app) return
    for (const set of this.sessions.values()) set.delete(session)
    const set = this.sessions.get(app.id) ?? new Set()
    set.add(session)
    this.sessions.set(app.id, set)
  }

  detach(session: Session): void {
    for (const set of this.sessions.values()) set.delete(session)
  }

  watch(app: AppDb): void {
    app.onCommit((commit) => this.onCommit(commit))
  }

  sessionCount(appId: string): number {
    return this.sessions.get(appId)?.size ?? 0
  }

  /** The app's schema or rules changed: every subscription is re-run (and sent its new attrs). */
  reconfigured(app: AppDb): void {
    this.onCommit({ app, txId: app.lastTxId(), etypes: new Set(), attrsChanged: true })
  }

  private onCommit(commit: Pick<Commit, 'app' | 'txId' | 'etypes' | 'attrsChanged'>): void {
    const p = this.pending.get(commit.app.id) ?? { txId: 0, etypes: new Set<string>(), attrsChanged: false }
    p.txId = Math.max(p.txId, commit.txId)
    for (const e of commit.etypes) p.etypes.add(e)
    p.attrsChanged ||= commit.attrsChanged
    this.pending.set(commit.app.id, p)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.flush())
    }
  }

  private flush(): void {
    this.scheduled = false
    const work = [...this.pending]
    this.pending.clear()
    for (const [appId, p] of work) {
      // Sessions of the same user watching the same query share one computation per flush.
      const shared = new Map<string, Computed>()
      for (const session of this.sessions.get(appId) ?? []) this.refreshSession(session, p, shared)
    }
  }

  private refreshSession(session: Session, p: Pending, shared: Map<string, Computed>): void {
    const computations: Frame[] = []
    const actor = session.isAdmin ? 'admin' : (session.user?.id ?? 'nobody')
    for (const [key, sub] of session.subs) {
      if (p.attrsChanged && session.app) sub.etypes = subscriptionEtypes(session.app, sub.q)
      if (!p.attrsChanged && !intersects(sub.etypes, p.etypes)) continue
      try {
        const cacheKey = `${actor}\u0000${key}`
        let computed = shared.get(cacheKey)
        if (!computed) {
          const fresh = runSessionQuery(session, sub.q)
          computed = { result: fresh, digest: digest(fresh) }
          shared.set(cacheKey, computed)
        }
        const { result, digest: d } = computed
        if (d === sub.digest) continue
        sub.digest = d
        computations.push({ 'instaql-query': sub.q, 'instaql-result': result, 'result-meta': null })
      } catch (err) {
        session.fail(err, { op: 'add-query', q: sub.q })
      }
    }
    if (!computations.length && !p.attrsChanged) return
    const frame: Frame = { op: 'refresh-ok', 'processed-tx-id': p.txId, computations }
    // Other sessions drop triples whose attr they do not know, so new attrs travel with the refresh.
    if (p.attrsChanged) frame.attrs = session.app?.attrs()
    session.send(frame)
  }
}

interface Computed {
  result: ReturnType<typeof runSessionQuery>
  digest: string
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true
  return false
}
