// What a rule sees: `data`, `auth`, `request`, and `ref()` paths, read from one TripleStore state
// (before or after a tx, or the live store for queries). Memoises entities and refs per scope.

import type { TripleStore } from '../model/triple-store.ts'
import type { Attr, Json } from '../model/types.ts'
import { CelObject, RequestInfo } from './cel-env.ts'

/** The signed-in user as rules see it: the $users entity's fields plus id (auth/users.ts User fits). */
export type AuthUser = { id: string } & Record<string, Json | undefined>

export interface RuleRequest {
  /** `request.time`, epoch ms. */
  now: number
  origin?: string | null
  ip?: string | null
}

/** JSON as CEL values: integers become ints (upstream decodes them as Long), objects null-reading maps. */
export function toCel(v: Json | undefined): unknown {
  if (v === undefined || v === null) return null
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : v
  if (Array.isArray(v)) return v.map(toCel)
  if (typeof v === 'object') return new CelObject(Object.entries(v).map(([k, x]) => [k, toCel(x)]))
  return v
}

export class RuleScope {
  private entities = new Map<string, Record<string, Json> | null>()
  private refCache = new Map<string, unknown[]>()
  private authObj: CelObject | undefined

  constructor(
    readonly store: TripleStore,
    readonly auth: AuthUser | null,
    readonly request: RuleRequest,
  ) {}

  /**
   * An entity's attrs by label, links included (a has-one link reads as the linked id), plus "id";
   * null when the entity has no triples of this etype. Matches upstream's entity maps (entity.clj).
   */
  fields(etype: string, e: string): Record<string, Json> | null {
    const key = `${etype}\u0000${e}`
    const cached = this.entities.get(key)
    if (cached !== undefined) return cached
    let out: Record<string, Json> | null = null
    for (const [, a, v] of this.store.triplesOf(e)) {
      const attr = this.store.attrs.byId(a)
      if (!attr || attr['forward-identity'][1] !== etype) continue
      out ??= {}
      out[attr['forward-identity'][2]] = v
    }
    if (out) out.id = e
    this.entities.set(key, out)
    return out
  }

  /** `data` / `linkedData`: the entity with `ref()`; an absent entity reads as all-null with ref() = []. */
  data(etype: string, e: string, extra: Record<string, Json> = {}): CelObject {
    const fields = this.fields(etype, e)
    return this.object(etype, { ...fields, ...extra }, fields ? e : null)
  }

  /** `newData`: the entity's values without `ref()` (upstream binds a plain map). */
  plain(etype: string, e: string): CelObject {
    return toCel(this.fields(etype, e) ?? {}) as CelObject
  }

  /** A given map (e.g. a new $users row at sign-up) with `ref()` from its id. */
  object(etype: string, values: Record<string, Json>, id: string | null = null): CelObject {
    const entries = Object.entries(values).map(([k, v]) => [k, toCel(v)] as const)
    return new CelObject(entries, (path) => (id === null ? [] : this.refs(etype, id, path)))
  }

  authObject(): CelObject {
    if (!this.authObj) {
      const { refresh_token: _token, ...user }: Record<string, Json | undefined> = this.auth ?? {}
      const id = this.auth?.id ?? null
      const entries = Object.entries(user).map(([k, v]) => [k, toCel(v)] as const)
      // Matches upstream's auth.ref: the path is read from $users, with the `$user.` prefix dropped.
      this.authObj = new CelObject(entries, (path) =>
        id === null ? [] : this.refs('$users', id, path.replace(/^\$user\./, '')),
      )
    }
    return this.authObj
  }

  requestInfo(modifiedFields: string[] = []): RequestInfo {
    return new RequestInfo(
      new Date(this.request.now),
      this.request.origin ?? null,
      this.request.ip ?? null,
      modifiedFields,
    )
  }

  /** `ref(path)`: every value at the end of the link path (a list, possibly empty), as in cel.clj get-ref. */
  refs(etype: string, e: string, path: string): unknown[] {
    const key = `${etype}\u0000${e}\u0000${path}`
    let values = this.refCache.get(key)
    if (!values) {
      values = refValues(this.store, etype, e, path).map(toCel)
      this.refCache.set(key, values)
    }
    return values
  }
}

type Hop = { attr: Attr; forward: boolean }

// Resolved from attrs alone, so a bad path fails whatever the data (upstream builds the query first).
function refPlan(store: TripleStore, etype: string, path: string): { hops: Hop[]; value: Attr } {
  const labels = path.split('.')
  const valueLabel = labels.pop()!
  const hops: Hop[] = []
  let at = etype
  for (const label of labels) {
    const fwd = store.attrs.byForward(at, label)
    const rev = store.attrs.byReverse(at, label)
    if (fwd?.['value-type'] === 'ref' && fwd['reverse-identity']) {
      hops.push({ attr: fwd, forward: true })
      at = fwd['reverse-identity'][1]
    } else if (rev) {
      hops.push({ attr: rev, forward: false })
      at = rev['forward-identity'][1]
    } else throw new Error(`ref('${path}'): ${at}.${label} is not a link`)
  }
  const value = store.attrs.byForward(at, valueLabel)
  if (!value) throw new Error(`ref('${path}'): ${at}.${valueLabel} is not an attribute`)
  return { hops, value }
}

function refValues(store: TripleStore, etype: string, e: string, path: string): Json[] {
  const { hops, value } = refPlan(store, etype, path)
  let frontier = [e]
  for (const { attr, forward } of hops) {
    const next: string[] = []
    for (const x of frontier) {
      if (!forward) next.push(...store.referrers(attr.id, x))
      else for (const t of store.triplesOf(x, attr.id)) if (typeof t[2] === 'string') next.push(t[2])
    }
    frontier = next
  }
  return frontier.flatMap((x) => store.triplesOf(x, value.id).map((t) => t[2]))
}
