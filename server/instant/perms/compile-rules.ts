// An app's rules compiled once: every expression parsed with its binds, looked up in upstream's
// order (model/rule.clj get-program!). A rule that does not compile fails compileRules, naming it.

import type { ParseResult } from '@marcbachmann/cel-js'
import { bindsFor, firstLine, nsOf, type RulesObject, withBinds } from './binds.ts'
import { type ActionKind, compileCel } from './cel-env.ts'

export type RuleAction = 'view' | 'create' | 'update' | 'delete'
export type LinkAction = 'link' | 'unlink'

export interface Program {
  /** Where the rule lives, e.g. "messages.allow.create" (or "$users.fallback.view"). */
  path: string
  run: ParseResult
}

export interface CompiledRules {
  /** The rule for an action: [ns allow action] → [ns allow $default] → [$default allow action] →
   *  [$default allow $default] → system fallback; undefined means allowed. */
  program(etype: string, action: RuleAction): Program | undefined
  /** `fields.<field>`, evaluated like `view`. */
  fieldProgram(etype: string, field: string): Program | undefined
  /** `allow.link.<label>` / `allow.unlink.<label>` (or their `$default`); undefined when neither is set. */
  linkProgram(etype: string, label: string, action: LinkAction): Program | undefined
  /** Sign-up reads `$users.allow.create` alone (upstream app_user.clj assert-create-permission!). */
  signupProgram(): Program | undefined
}

const ACTIONS: RuleAction[] = ['view', 'create', 'update', 'delete']
const USERS_FALLBACK =
  'auth.id == data.id || (data.linkedPrimaryUser != null && auth.id == data.linkedPrimaryUser)'
// The namespaces upstream lets rules name (rule.clj system-attribute-validation-errors).
const RULE_NAMESPACES = new Set(['$users', '$files', '$default', '$streams', '$rateLimits'])

/** Compiles every rule of `rules` (Instant's rules object; null or {} allows everything). */
export function compileRules(rules: unknown): CompiledRules {
  if (rules != null && (typeof rules !== 'object' || Array.isArray(rules)))
    throw new Error('rules must be an object')
  const compiled = new RuleSet((rules ?? {}) as RulesObject)
  compiled.compileAll()
  return compiled
}

/** Throws an Error naming the first rule that does not compile. */
export function validateRules(rules: unknown): void {
  compileRules(rules)
}

class RuleSet implements CompiledRules {
  private cache = new Map<string, Program | undefined>()

  constructor(private rules: RulesObject) {}

  compileAll(): void {
    for (const ns of Object.keys(this.rules)) {
      if (ns === '$rateLimits') continue
      if (ns.startsWith('$') && !RULE_NAMESPACES.has(ns)) {
        throw new Error(
          `${ns}: The ${ns} namespace is a reserved internal namespace that does not yet support rules.`,
        )
      }
      const deleteRule = this.at([ns, 'allow', 'delete'])
      if (ns === '$users' && deleteRule != null && deleteRule !== 'false' && deleteRule !== false) {
        throw new Error(
          '$users.allow.delete: The $users namespace doesn\'t support permissions for delete. Set `$users.allow.delete` to "false".',
        )
      }
      for (const action of ACTIONS) this.program(ns, action)
      for (const field of Object.keys(objectAt(this.rules, [ns, 'fields']))) this.fieldProgram(ns, field)
      for (const kind of ['link', 'unlink'] as const) {
        for (const label of Object.keys(objectAt(this.rules, [ns, 'allow', kind])))
          this.linkProgram(ns, label, kind)
      }
    }
  }

  program(etype: string, action: RuleAction): Program | undefined {
    const paths = [
      [etype, 'allow', action],
      [etype, 'allow', '$default'],
      ['$default', 'allow', action],
      ['$default', 'allow', '$default'],
    ]
    return this.first(etype, action, paths) ?? this.fallback(etype, action)
  }

  fieldProgram(etype: string, field: string): Program | undefined {
    if (field === 'id' && this.at([etype, 'fields', 'id']) != null) {
      throw new Error(
        `${etype}.fields.id: You cannot set field rules for \`id\`. Use ${etype} -> allow -> view instead`,
      )
    }
    return this.first(etype, 'view', [[etype, 'fields', field]])
  }

  linkProgram(etype: string, label: string, action: LinkAction): Program | undefined {
    return this.first(etype, action, [
      [etype, 'allow', action, label],
      [etype, 'allow', action, '$default'],
    ])
  }

  signupProgram(): Program | undefined {
    return this.first('$users', 'create', [['$users', 'allow', 'create']])
  }

  private first(etype: string, action: ActionKind, paths: string[][]): Program | undefined {
    for (const path of paths) {
      const expr = this.at(path)
      if (expr != null) return this.compile(etype, action, path.join('.'), expr)
    }
    return undefined
  }

  // Matches upstream's fallback-program: system namespaces deny, except sign-up and a user's own row.
  private fallback(etype: string, action: RuleAction): Program | undefined {
    if (!etype.startsWith('$')) return undefined
    let code = 'false'
    if (etype === '$users' && action === 'create') code = 'true'
    else if (etype === '$users' && (action === 'view' || action === 'update')) code = USERS_FALLBACK
    return this.compile(etype, action, `${etype}.fallback.${action}`, code, false)
  }

  private compile(etype: string, action: ActionKind, path: string, expr: unknown, useBinds = true): Program {
    const key = `${etype}\u0000${action}\u0000${path}`
    if (this.cache.has(key)) return this.cache.get(key)!
    // Matches upstream's patch-code: a boolean rule is its string.
    const code = typeof expr === 'boolean' ? String(expr) : expr
    if (typeof code !== 'string') throw new Error(`${path}: a rule must be a string`)
    let program: Program
    try {
      program = {
        path,
        run: compileCel(action, useBinds ? withBinds(bindsFor(this.rules, etype), code) : code),
      }
    } catch (err) {
      throw new Error(`${path}: ${firstLine(err)}`)
    }
    this.cache.set(key, program)
    return program
  }

  private at(path: string[]): unknown {
    const [ns, ...rest] = path
    let x: unknown = nsOf(this.rules, ns!)
    for (const k of rest) x = x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined
    return x
  }
}

function objectAt(rules: RulesObject, path: string[]): Record<string, unknown> {
  let x: unknown = rules
  for (const k of path) x = x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined
  return x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {}
}
