// Converts the admin SDK's high-level ops ([action, etype, id, args, opts], ids possibly
// "lookup__<attr>__<json>") into tx-steps, creating missing attrs unless the client asked not to.

import { randomUUID } from 'node:crypto'
import { InstantError, validationFailed } from '../errors.ts'
import type { AttrIndex } from '../model/triple-store.ts'
import type { Attr, Json } from '../model/types.ts'

type Ref = string | [string, Json]

export function adminOpsToTxSteps(attrs: AttrIndex, ops: unknown, throwOnMissingAttrs: boolean): unknown[][] {
  if (!Array.isArray(ops))
    throw new InstantError('param-malformed', 'steps must be an array', { input: ['steps'] })
  const added: Attr[] = []
  const find = (etype: string, label: string) =>
    attrs.byForward(etype, label) ??
    added.find((a) => a['forward-identity'][1] === etype && a['forward-identity'][2] === label)
  const findReverse = (etype: string, label: string) =>
    attrs.byReverse(etype, label) ??
    added.find((a) => a['reverse-identity']?.[1] === etype && a['reverse-identity']?.[2] === label)

  const dataAttr = (etype: string, label: string, i: number): Attr => {
    const existing = find(etype, label)
    if (existing) return existing
    if (throwOnMissingAttrs)
      throw validationFailed(`Attribute ${etype}.${label} does not exist in the schema`, {
        input: ['steps', i],
      })
    const attr: Attr = {
      id: randomUUID(),
      'forward-identity': [randomUUID(), etype, label],
      'value-type': 'blob',
      cardinality: 'one',
      'unique?': label === 'id',
      'index?': false,
      catalog: 'user',
    }
    added.push(attr)
    return attr
  }

  const ref = (etype: string, raw: unknown, i: number): Ref => {
    if (typeof raw === 'string' && raw.startsWith('lookup__')) {
      const [, label, ...json] = raw.split('__')
      let value: Json
      try {
        value = JSON.parse(json.join('__')) as Json
      } catch {
        throw validationFailed(`Invalid lookup ${raw}`, { input: ['steps', i, 2] })
      }
      return [dataAttr(etype, label ?? '', i).id, value]
    }
    if (typeof raw !== 'string')
      throw validationFailed(`Invalid entity id ${JSON.stringify(raw)}`, { input: ['steps', i, 2] })
    return raw
  }

  const steps: unknown[][] = []
  ops.forEach((op, i) => {
    if (!Array.isArray(op) || typeof op[0] !== 'string' || typeof op[1] !== 'string') {
      throw validationFailed(`Invalid op at index ${i}`, { input: ['steps', i] })
    }
    const [action, etype, rawId, args, opts] = op as [
      string,
      string,
      unknown,
      Record<string, unknown> | undefined,
      Record<string, unknown> | undefined,
    ]
    const e = ref(etype, rawId, i)
    const idAttr = dataAttr(etype, 'id', i)
    switch (action) {
      case 'create':
      case 'update':
      case 'merge': {
        const mode =
          action === 'create' ? { mode: 'create' } : opts?.upsert === false ? { mode: 'update' } : undefined
        const withMode = (step: unknown[]) => (mode ? [...step, mode] : step)
        steps.push(withMode(['add-triple', e, idAttr.id, e]))
        for (const [label, v] of Object.entries(args ?? {})) {
          if (label === 'id') continue
          const attr = dataAttr(etype, label, i)
          steps.push(withMode([action === 'merge' ? 'deep-merge-triple' : 'add-triple', e, attr.id, v]))
        }
        return
      }
      case 'link':
      case 'unlink': {
        // Matches the client: a lookup id also writes its id triple so the entity exists.
        if (Array.isArray(e)) steps.push(['add-triple', e, idAttr.id, e])
        for (const [label, targets] of Object.entries(args ?? {})) {
          const fwd = find(etype, label)
          const rev = fwd ? undefined : findReverse(etype, label)
          if (!fwd && !rev)
            throw validationFailed(`No link ${etype}.${label}`, { input: ['steps', i, 3, label] })
          for (const t of Array.isArray(targets) ? targets : [targets]) {
            const op = action === 'link' ? 'add-triple' : 'retract-triple'
            if (fwd) steps.push([op, e, fwd.id, ref(fwd['reverse-identity']![1], t, i)])
            else steps.push([op, ref(rev!['forward-identity'][1], t, i), rev!.id, e])
          }
        }
        return
      }
      case 'delete':
        steps.push(['delete-entity', e, etype])
        return
      case 'ruleParams':
        steps.push(['rule-params', e, etype, args ?? {}])
        return
    }
    throw validationFailed(`Unknown admin op ${action}`, { input: ['steps', i, 0] })
  })
  return [...added.map((a) => ['add-attr', a]), ...steps]
}
