// `bind` aliases, resolved as upstream's rule.clj with-binds does: only the binds a rule uses
// (transitively), wrapped around it as nested cel.bind(name, expr, body), dependencies outermost.

import { parseCel } from './cel-env.ts'

export type RulesObject = Record<string, unknown>

/** Upstream accepts a bind block as an object or as a flat [name, expr, name, expr…] array. */
function bindPairs(bind: unknown): unknown[] {
  if (bind == null) return []
  if (Array.isArray(bind)) return bind
  if (typeof bind === 'object') return Object.entries(bind).flat()
  throw new Error('bind must be an object or an array')
}

/** The binds visible to rules of `etype`: $default's, then the etype's own (which win on a clash). */
export function bindsFor(rules: RulesObject, etype: string): Map<string, string> {
  const flat = [...bindPairs(nsOf(rules, '$default')?.bind), ...bindPairs(nsOf(rules, etype)?.bind)]
  if (flat.length % 2 !== 0) throw new Error('bind should have an even number of elements')
  const out = new Map<string, string>()
  for (let i = 0; i < flat.length; i += 2) {
    const [name, expr] = [flat[i], flat[i + 1]]
    if (typeof name !== 'string' || typeof expr !== 'string')
      throw new Error('bind names and values must be strings')
    out.set(name, expr)
  }
  return out
}

export function nsOf(rules: RulesObject, ns: string): Record<string, unknown> | undefined {
  const block = rules[ns]
  return block && typeof block === 'object' && !Array.isArray(block)
    ? (block as Record<string, unknown>)
    : undefined
}

/** Identifiers a CEL expression mentions (upstream's ident-usages). */
function identifiers(code: string): Set<string> {
  const out = new Set<string>()
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) for (const y of x) walk(y)
    else if (x && typeof x === 'object' && 'op' in x) {
      const node = x as { op: string; args: unknown }
      if (node.op === 'id' && typeof node.args === 'string') out.add(node.args)
      else walk(node.args)
    }
  }
  walk(parseCel(code).ast)
  return out
}

/** `expr` with the binds it uses wrapped around it; throws on a bind that does not parse or a cycle. */
export function withBinds(binds: Map<string, string>, expr: string): string {
  if (binds.size === 0) return expr
  const usesOf = (code: string, name?: string): string[] => {
    try {
      return [...identifiers(code)].filter((id) => binds.has(id))
    } catch (err) {
      throw name ? new Error(`bind ${name}: ${firstLine(err)}`) : err
    }
  }
  const references = new Map<string, string[]>()
  const queue = usesOf(expr)
  const used = new Set(queue)
  while (queue.length) {
    const name = queue.shift()!
    const deps = usesOf(binds.get(name)!, name)
    references.set(name, deps)
    for (const d of deps) {
      if (used.has(d)) continue
      used.add(d)
      queue.push(d)
    }
  }
  let body = expr
  for (const name of sortBinds(references, [...used])) body = `cel.bind(${name}, ${binds.get(name)}, ${body})`
  return body
}

// Dependents first, so wrapping in this order leaves each bind's dependencies outside it.
function sortBinds(references: Map<string, string[]>, names: string[]): string[] {
  const done = new Set<string>()
  const visiting = new Set<string>()
  const order: string[] = []
  const visit = (path: string[], name: string): void => {
    if (done.has(name)) return
    if (visiting.has(name)) throw new Error(`The binds have a cyclic dependency ${path.join(' -> ')}`)
    visiting.add(name)
    for (const dep of references.get(name) ?? []) visit([...path, dep], dep)
    done.add(name)
    order.unshift(name)
  }
  for (const name of names) visit([name], name)
  return order
}

export function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim()
}
