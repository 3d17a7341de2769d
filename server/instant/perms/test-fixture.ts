// Test helper: an in-memory app (attrs from an i.schema(), a MemoryStore) whose transactions run
// through the real tx engine and checkTransaction, undone when a check throws. Not production code.

import { randomUUID } from 'node:crypto'
import type { InstantSchemaDef } from '@instantdb/core'
import { attrsFromSchema, type SchemaJson, systemAttrs } from '../model/schema-attrs.ts'
import type { Json } from '../model/types.ts'
import { type MemoryStore, memoryStoreOf } from '../storage/memory-store.ts'
import { applyTxSteps } from '../tx/apply-tx-steps.ts'
import { TxLog } from '../tx/tx-log.ts'
import { checkTransaction } from './check-transaction.ts'
import { type CompiledRules, compileRules } from './compile-rules.ts'
import type { AuthUser } from './rule-scope.ts'
import { queryPermissions } from './view-checker.ts'

export type Step = unknown[]

export class PermsFixture {
  readonly store: MemoryStore
  readonly rules: CompiledRules
  now = 1_700_000_000_000

  // biome-ignore lint/suspicious/noExplicitAny: the client's schema generics are declared with any
  constructor(schema: InstantSchemaDef<any, any, any>, rules: unknown) {
    const json = JSON.parse(JSON.stringify(schema)) as SchemaJson
    this.store = memoryStoreOf([...systemAttrs(), ...attrsFromSchema('test-app', json)], [])
    this.rules = compileRules(rules)
  }

  attrId(etype: string, label: string): string {
    const attr = this.store.attrs.byForward(etype, label)
    if (!attr) throw new Error(`no attr ${etype}.${label}`)
    return attr.id
  }

  /** tx-steps that create or update an entity, as the client's `update()` sends them. */
  put(etype: string, id: string, fields: Record<string, Json> = {}): Step[] {
    return [
      ['add-triple', id, this.attrId(etype, 'id'), id],
      ...Object.entries(fields).map(([label, v]) => ['add-triple', id, this.attrId(etype, label), v]),
    ]
  }

  link(etype: string, id: string, label: string, target: string): Step {
    return ['add-triple', id, this.attrId(etype, label), target]
  }

  unlink(etype: string, id: string, label: string, target: string): Step {
    return ['retract-triple', id, this.attrId(etype, label), target]
  }

  /** A $users row, written as the server's auth code does (admin). */
  user(fields: Record<string, Json> = {}): AuthUser {
    const id = randomUUID()
    this.transact(this.put('$users', id, { type: 'user', ...fields }), null, true)
    return { id, ...fields }
  }

  /** Applies steps as `auth` (or admin); throws what checkTransaction throws, leaving the store unchanged. */
  transact(steps: unknown[], auth: AuthUser | null, isAdmin = false): void {
    const log = new TxLog(this.store)
    try {
      const outcome = applyTxSteps(log, steps, { now: ++this.now, isAdmin, newId: randomUUID })
      checkTransaction(this.rules, { steps, log, outcome, auth, isAdmin, now: this.now })
    } catch (err) {
      log.undo()
      throw err
    }
  }

  canView(auth: AuthUser | null, etype: string, e: string, ruleParams?: Record<string, Json>): boolean {
    return queryPermissions(this.rules, this.store, auth, ruleParams, { now: this.now }).canView(etype, e)
  }
}

/** The error a rejected tx carried, for assertions (undefined when it went through). */
export function rejection(run: () => void): { type?: string; message: string; hint?: unknown } | undefined {
  try {
    run()
    return undefined
  } catch (err) {
    const e = err as { type?: string; message: string; hint?: unknown }
    return { type: e.type, message: e.message, hint: e.hint }
  }
}
