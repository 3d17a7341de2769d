// The list of rule checks one transaction needs, split like upstream's permissioned_transaction.clj:
// pre-checks read the store before the tx, post-checks (creates) read it after, so a new
// entity's rule sees links made in the same tx.

import type { Json } from '../model/types.ts'
import type { CompiledRules, Program } from './compile-rules.ts'
import { passes, type RuleInput } from './evaluate.ts'
import type { RuleScope } from './rule-scope.ts'
import type { StepTarget } from './tx-step-targets.ts'

export interface Check {
  etype: string
  /** Upstream's check scope, echoed in the error hint: "object" (entities) or "attr". */
  scope: 'object' | 'attr'
  program: Program
  rules: RuleScope
  input: RuleInput
}

export class TxChecks {
  readonly pre: Check[] = []
  readonly post: Check[] = []
  private seen = new Set<string>()

  constructor(
    readonly compiled: CompiledRules,
    readonly before: RuleScope,
    readonly after: RuleScope,
    private targets: StepTarget[],
    private params: Map<string, Record<string, Json>>,
  ) {}

  /** Queues a check once per (phase, rule, entity): many steps on one entity need one check. */
  add(phase: 'pre' | 'post', etype: string, e: string, program: Program | undefined, input: RuleInput): void {
    if (!program) return
    const key = `${phase}\u0000${program.path}\u0000${etype}\u0000${e}`
    if (this.seen.has(key)) return
    this.seen.add(key)
    const rules = phase === 'pre' ? this.before : this.after
    const list = phase === 'pre' ? this.pre : this.post
    list.push({ etype, scope: 'object', program, rules, input })
  }

  addAttrCheck(attr: Record<string, unknown>): void {
    const program = this.compiled.program('attrs', 'create')
    if (!program) return
    const data = this.after.object('attrs', attr as Record<string, Json>)
    this.post.push({ etype: 'attrs', scope: 'attr', program, rules: this.after, input: { data } })
  }

  existedBefore(etype: string, e: string): boolean {
    return this.before.store.hasEntity(etype, e)
  }

  existsAfter(etype: string, e: string): boolean {
    return this.after.store.hasEntity(etype, e)
  }

  ruleParams(...ids: string[]): Record<string, Json> {
    return Object.assign({}, ...ids.map((e) => this.params.get(e) ?? {}))
  }

  /** `request.modifiedFields`: labels the tx sets on e, links included, `id` excluded (upstream). */
  modifiedFields(e: string): string[] {
    const out = new Set<string>()
    for (const t of this.targets) {
      if ((t.op === 'add-triple' || t.op === 'deep-merge-triple') && t.e === e) {
        const label = t.attr['forward-identity'][2]
        if (label !== 'id') out.add(label)
      }
    }
    return [...out]
  }

  /** `update` on an entity that existed: data before, newData after. */
  update(etype: string, e: string, ruleParams: Record<string, Json>): void {
    this.add('pre', etype, e, this.compiled.program(etype, 'update'), {
      data: this.before.data(etype, e),
      newData: this.after.plain(etype, e),
      ruleParams,
      modifiedFields: this.modifiedFields(e),
    })
  }

  /** `create` on an entity the tx made, read after the write. */
  create(etype: string, e: string, ruleParams: Record<string, Json>): void {
    this.add('post', etype, e, this.compiled.program(etype, 'create'), {
      data: this.after.data(etype, e, { id: e }),
      newData: this.after.plain(etype, e),
      ruleParams,
      modifiedFields: this.modifiedFields(e),
    })
  }

  /** `view` on the other end of a link: before the tx if it existed, else after (it was created). */
  view(phase: 'pre' | 'post', etype: string, e: string, ruleParams: Record<string, Json>): void {
    const rules = phase === 'pre' ? this.before : this.after
    this.add(phase, etype, e, this.compiled.program(etype, 'view'), {
      data: rules.data(etype, e),
      ruleParams,
    })
  }

  /** The first failing check, pre-checks first, as upstream runs them around the write. */
  firstFailure(): Check | undefined {
    for (const check of [...this.pre, ...this.post])
      if (!passes(check.program, check.rules, check.input)) return check
    return undefined
  }
}
