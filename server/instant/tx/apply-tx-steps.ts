// Applies a transaction's tx-steps to the in-memory store through a TxLog, validating as the real
// server does (modes, value types, unique, required, lookups, cascading deletes). Throws
// InstantError and leaves undoing to the caller; never touches SQLite.

import { InstantError, validationFailed } from '../errors.ts'
import type { Attr, Json } from '../model/types.ts'
import { applyAddAttr, applyChangeAttr } from './attr-steps.ts'
import { checkRequiredAttrs } from './required-attrs.ts'
import type { TxLog } from './tx-log.ts'
import { checkValueType, deepMerge, isUuid } from './values.ts'

export interface TxOptions {
  now: number
  /** Admin (or internal) writes may change attrs and system-catalog data. */
  isAdmin: boolean
  newId: () => string
}

export interface TxOutcome {
  /** Entities (etype, eid) the tx wrote or deleted: what permission rules and `required` look at. */
  touched: Map<string, { etype: string; e: string; created: boolean; deleted: boolean }>
  ruleParams: Map<string, Record<string, Json>>
}

type Step = unknown[]
const OPS = new Set([
  'add-triple',
  'deep-merge-triple',
  'retract-triple',
  'delete-entity',
  'add-attr',
  'update-attr',
  'delete-attr',
  'restore-attr',
  'rule-params',
])

export function applyTxSteps(log: TxLog, steps: unknown, opts: TxOptions): TxOutcome {
  if (!Array.isArray(steps)) throw validationFailed('tx-steps must be an array', { input: ['tx-steps'] })
  const applier = new StepApplier(log, opts)
  for (const op of opsInFirstAppearanceOrder(steps)) {
    steps.forEach((step, i) => {
      if ((step as Step)[0] === op) applier.apply(step as Step, i)
    })
  }
  checkRequiredAttrs(log.store, applier.outcome.touched.values())
  return applier.outcome
}

// Matches Instant: steps are grouped by op, and the groups run in the order each op first appears.
function opsInFirstAppearanceOrder(steps: unknown[]): string[] {
  const order: string[] = []
  steps.forEach((step, i) => {
    if (!Array.isArray(step) || typeof step[0] !== 'string' || !OPS.has(step[0])) {
      throw validationFailed(`Invalid tx-step at index ${i}: ${JSON.stringify(step)?.slice(0, 200)}`, {
        input: ['tx-steps', i],
      })
    }
    if (!order.includes(step[0])) order.push(step[0])
  })
  return order
}

class StepApplier {
  readonly outcome: TxOutcome = { touched: new Map(), ruleParams: new Map() }
  private lookups = new Map<string, string>()
  private store

  constructor(
    private log: TxLog,
    private opts: TxOptions,
  ) {
    this.store = log.store
  }

  apply(step: Step, i: number): void {
    switch (step[0]) {
      case 'add-triple':
      case 'deep-merge-triple':
        this.addTriple(step, i)
        break
      case 'retract-triple':
        this.retractTriple(step, i)
        break
      case 'delete-entity':
        this.deleteEntity(step, i)
        break
      case 'add-attr':
        applyAddAttr(this.log, step, i)
        break
      case 'update-attr':
      case 'delete-attr':
      case 'restore-attr':
        applyChangeAttr(this.log, step, i, this.opts.isAdmin)
        break
      case 'rule-params':
        this.ruleParams(step, i)
        break
    }
  }

  private attr(a: unknown, i: number): Attr {
    const attr = typeof a === 'string' ? this.store.attrs.byId(a) : undefined
    if (!attr)
      throw validationFailed(`Attribute ${JSON.stringify(a)} does not exist`, { input: ['tx-steps', i, 2] })
    if (attr.catalog === 'system' && !this.opts.isAdmin && attr['forward-identity'][2] !== 'id') {
      throw new InstantError(
        'permission-denied',
        `Cannot write system attribute ${attr['forward-identity'][1]}.${attr['forward-identity'][2]}`,
        {
          input: ['tx-steps', i],
        },
      )
    }
    return attr
  }

  /** Resolves an entity id or a lookup ref [attrId, value]; `create` makes a new entity for a missing lookup. */
  private entity(ref: unknown, i: number, create: boolean): string | undefined {
    if (isUuid(ref)) return ref.toLowerCase()
    if (Array.isArray(ref) && ref.length === 2 && typeof ref[0] === 'string') {
      const attr = this.store.attrs.byId(ref[0])
      if (!attr)
        throw validationFailed(`Lookup attribute ${ref[0]} does not exist`, { input: ['tx-steps', i] })
      const value = ref[1] as Json
      if (attr['forward-identity'][2] === 'id') {
        if (!isUuid(value)) {
          throw validationFailed(
            `Invalid lookup '${JSON.stringify(ref)}'. The lookup value is not a valid UUID.`,
            { input: ['tx-steps', i] },
          )
        }
        return value.toLowerCase()
      }
      if (!attr['unique?']) {
        throw validationFailed(
          `Lookup attribute ${attr['forward-identity'][1]}.${attr['forward-identity'][2]} must be unique`,
          {
            input: ['tx-steps', i],
          },
        )
      }
      const key = `${attr.id}\u0000${JSON.stringify(value)}`
      const known = this.lookups.get(key)
      if (known) return known
      for (const e of this.store.lookup(attr.id, value)) {
        this.lookups.set(key, e)
        return e
      }
      if (!create) return undefined
      const e = this.opts.newId()
      this.lookups.set(key, e)
      this.log.add([e, attr.id, value, this.opts.now])
      return e
    }
    throw validationFailed(
      `Invalid entity ID '${JSON.stringify(ref)}'. Entity IDs must be UUIDs. Use id() or lookup() to generate a valid UUID.`,
      { input: ['tx-steps', i, 1] },
    )
  }

  private touch(etype: string, e: string, change: { created?: boolean; deleted?: boolean }) {
    const key = `${etype}\u0000${e}`
    const prev = this.outcome.touched.get(key)
    this.outcome.touched.set(key, {
      etype,
      e,
      created: (prev?.created ?? false) || (change.created ?? false),
      deleted: change.deleted ?? false,
    })
  }

  private addTriple(step: Step, i: number): void {
    const [op, rawE, rawA, rawV, rawOpts] = step
    const attr = this.attr(rawA, i)
    const etype = attr['forward-identity'][1]
    const existedBefore = (e: string) => this.store.hasEntity(etype, e) && !this.isCreatedHere(etype, e)
    const e = this.entity(rawE, i, true)!
    const mode = (rawOpts as { mode?: string } | undefined)?.mode
    if (mode === 'create' && existedBefore(e)) {
      throw validationFailed(`Creating entities that exist: ${e}`, { input: ['tx-steps', i] })
    }
    if (mode === 'update' && !this.store.hasEntity(etype, e)) {
      throw validationFailed(`Updating entities that don't exist: ${e}`, { input: ['tx-steps', i] })
    }
    const created = !this.store.hasEntity(etype, e)
    let v: Json = rawV as Json
    if (attr['value-type'] === 'ref' || attr['forward-identity'][2] === 'id') {
      const target = this.entity(rawV, i, attr['value-type'] === 'ref')
      if (!target)
        throw validationFailed(`Lookup ${JSON.stringify(rawV)} did not match an entity`, {
          input: ['tx-steps', i, 3],
        })
      v = target
    }
    if (attr['forward-identity'][2] === 'id' && v !== e) {
      throw validationFailed(`The id attribute of ${e} must be the entity's own id`, {
        input: ['tx-steps', i],
      })
    }
    if (op === 'deep-merge-triple') v = deepMerge(this.store.valueOf(e, attr.id), v)
    checkValueType(attr, v)
    if (attr['unique?'] && v !== null) this.assertUnique(attr, e, v, i)
    this.write(attr, e, v)
    this.touch(etype, e, { created })
    if (attr['value-type'] === 'ref' && typeof v === 'string') {
      const rev = attr['reverse-identity']
      if (rev) this.touch(rev[1], v, {})
    }
  }

  private isCreatedHere(etype: string, e: string): boolean {
    return this.outcome.touched.get(`${etype}\u0000${e}`)?.created ?? false
  }

  /** Writes (e, attr, v); cardinality one replaces the old value but keeps its created-at. */
  private write(attr: Attr, e: string, v: Json): void {
    if (attr.cardinality === 'many') {
      if (!this.store.has(e, attr.id, v)) this.log.add([e, attr.id, v, this.opts.now])
      return
    }
    let t = this.opts.now
    for (const old of this.store.triplesOf(e, attr.id)) {
      t = old[3]
      this.log.remove(old[0], old[1], old[2])
    }
    this.log.add([e, attr.id, v, t])
  }

  private assertUnique(attr: Attr, e: string, v: Json, i: number): void {
    for (const other of this.store.lookup(attr.id, v)) {
      if (other !== e) {
        const [, etype, label] = attr['forward-identity']
        throw new InstantError(
          'record-not-unique',
          `Record not unique: ${etype}.${label} = ${JSON.stringify(v)} already exists`,
          {
            'record-type': 'triple',
            input: ['tx-steps', i],
          },
        )
      }
    }
  }

  private retractTriple(step: Step, i: number): void {
    const [, rawE, rawA, rawV] = step
    const attr = this.attr(rawA, i)
    const e = this.entity(rawE, i, false)
    if (!e) return
    let v = rawV as Json
    if (attr['value-type'] === 'ref') {
      const target = this.entity(rawV, i, false)
      if (!target) return
      v = target
    }
    if (this.log.remove(e, attr.id, v)) {
      this.touch(attr['forward-identity'][1], e, {})
      if (attr['value-type'] === 'ref' && typeof v === 'string' && attr['reverse-identity']) {
        this.touch(attr['reverse-identity'][1], v, {})
      }
    }
  }

  private deleteEntity(step: Step, i: number): void {
    const [, rawE, rawEtype] = step
    const e = this.entity(rawE, i, false)
    if (!e) return
    const etype = typeof rawEtype === 'string' ? rawEtype : this.guessEtype(e)
    if (!etype) return
    this.deleteCascading(etype, e, new Set())
  }

  private guessEtype(e: string): string | undefined {
    for (const t of this.store.triplesOf(e)) {
      const attr = this.store.attrs.byId(t[1])
      if (attr) return attr['forward-identity'][1]
    }
    return undefined
  }

  private deleteCascading(etype: string, e: string, seen: Set<string>): void {
    const key = `${etype}\u0000${e}`
    if (seen.has(key)) return
    seen.add(key)
    const cascade: [string, string][] = []
    const etypeAttrs = new Set(this.store.attrs.ofEtype(etype).map((a) => a.id))
    for (const t of this.store.triplesOf(e)) {
      if (!etypeAttrs.has(t[1])) continue
      const attr = this.store.attrs.byId(t[1])!
      if (attr['value-type'] === 'ref' && typeof t[2] === 'string' && attr['reverse-identity']) {
        this.touch(attr['reverse-identity'][1], t[2], {})
        if (attr['on-delete-reverse'] === 'cascade') cascade.push([attr['reverse-identity'][1], t[2]])
      }
      this.log.remove(t[0], t[1], t[2])
    }
    // Links pointing at the deleted entity go too; `on-delete: cascade` takes their owners with them.
    for (const attr of this.store.attrs.all()) {
      if (attr['value-type'] !== 'ref' || attr['reverse-identity']?.[1] !== etype) continue
      for (const from of [...this.store.referrers(attr.id, e)]) {
        this.log.remove(from, attr.id, e)
        this.touch(attr['forward-identity'][1], from, {})
        if (attr['on-delete'] === 'cascade') cascade.push([attr['forward-identity'][1], from])
      }
    }
    this.touch(etype, e, { deleted: true })
    for (const [childEtype, child] of cascade) this.deleteCascading(childEtype, child, seen)
  }

  private ruleParams(step: Step, i: number): void {
    const [, rawE, , params] = step
    const e = this.entity(rawE, i, false)
    if (!e || typeof params !== 'object' || params === null) return
    this.outcome.ruleParams.set(e, { ...this.outcome.ruleParams.get(e), ...(params as Record<string, Json>) })
  }
}
