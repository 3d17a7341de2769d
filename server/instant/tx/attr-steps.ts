// The attr tx-steps: add-attr (any client, gated by the attrs rule in perms/) and update-attr /
// delete-attr / restore-attr (admin only), applied through the TxLog like every other change.

import { InstantError, validationFailed } from '../errors.ts'
import type { Attr } from '../model/types.ts'
import { attrFromStep } from './attr-step.ts'
import type { TxLog } from './tx-log.ts'

export function applyAddAttr(log: TxLog, step: unknown[], i: number): void {
  const attr = attrFromStep(step[1], i)
  if (log.store.attrs.byId(attr.id)) return
  const [, etype, label] = attr['forward-identity']
  if (log.store.attrs.byForward(etype, label)) {
    throw validationFailed(`Attribute ${etype}.${label} already exists`, { input: ['tx-steps', i] })
  }
  log.putAttr(attr)
}

export function applyChangeAttr(log: TxLog, step: unknown[], i: number, isAdmin: boolean): void {
  if (!isAdmin) {
    throw new InstantError('permission-denied', `Only an admin may ${String(step[0])}`, {
      input: ['tx-steps', i],
    })
  }
  const store = log.store
  if (step[0] === 'update-attr') {
    const patch = step[1] as Partial<Attr> & { id?: string }
    const current = patch?.id ? store.attrs.byId(patch.id) : undefined
    if (!current) throw validationFailed('update-attr: attribute not found', { input: ['tx-steps', i] })
    log.putAttr(attrFromStep({ ...current, ...patch }, i))
    return
  }
  if (step[0] === 'delete-attr') {
    const attr = typeof step[1] === 'string' ? store.attrs.byId(step[1]) : undefined
    if (!attr) return
    for (const e of [...store.entitiesOf(attr['forward-identity'][1])]) {
      for (const t of store.triplesOf(e, attr.id)) log.remove(t[0], t[1], t[2])
    }
    log.removeAttr(attr)
    return
  }
  throw validationFailed('restore-attr is not supported by the local Instant server', {
    input: ['tx-steps', i],
  })
}
