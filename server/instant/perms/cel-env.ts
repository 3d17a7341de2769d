// The CEL dialect of Instant's rules (server db/cel.clj) on top of @marcbachmann/cel-js: one
// environment per action, maps whose missing keys read as null, `ref`, `request`, `math`.
// Pure: knows nothing of stores or rules; values arrive already converted (cel-values.ts).

import { Environment, type ParseResult } from '@marcbachmann/cel-js'

/**
 * A map whose missing keys read as null, never as errors (Instant's CelMap answers containsKey with
 * true, cel.clj). `refs` backs `data.ref(path)` / `auth.ref(path)`; maps without it (newData,
 * ruleParams, nested JSON) fail on `.ref`, as upstream's plain CelMap does.
 */
export class CelObject extends Map<string, unknown> {
  constructor(
    entries: Iterable<readonly [string, unknown]> = [],
    readonly refs?: (path: string) => unknown[],
  ) {
    super(entries)
  }

  override get(key: string): unknown {
    return super.has(key) ? super.get(key) : null
  }
}

/** `request` as upstream's proto struct: unknown fields are compile errors, not nulls. */
export class RequestInfo {
  constructor(
    readonly time: Date,
    readonly origin: string | null,
    readonly ip: string | null,
    readonly modifiedFields: string[],
  ) {}
}

/** Holder for the `math.*` functions of CEL's math extension, which upstream enables. */
class MathNamespace {}

export type ActionKind = 'view' | 'delete' | 'create' | 'update' | 'link' | 'unlink'

// Matches upstream's compilers (cel.clj action->compiler): newData only where data changes,
// linkedData and actions only in link rules.
const VARIABLES: Record<'read' | 'write' | 'link' | 'unlink', string[]> = {
  read: [],
  write: ['newData'],
  link: ['newData', 'linkedData', 'actions'],
  unlink: ['newData', 'linkedData'],
}

function baseEnvironment(extra: string[]): Environment {
  const env = new Environment({ homogeneousAggregateLiterals: false })
    .registerType('CelObject', CelObject)
    .registerType('Request', {
      ctor: RequestInfo,
      fields: { time: 'google.protobuf.Timestamp', origin: 'dyn', ip: 'dyn', modifiedFields: 'list<string>' },
    })
    .registerType('MathNamespace', MathNamespace)
    .registerConstant('math', 'MathNamespace', new MathNamespace())
    .registerFunction({
      name: 'ref',
      receiverType: 'CelObject',
      returnType: 'list<dyn>',
      params: [{ name: 'path', type: 'string' }],
      handler: (obj: CelObject, path: string) => {
        if (!obj.refs) throw new Error('ref() is only defined on data, auth and linkedData')
        return obj.refs(path)
      },
    })
    // From CEL's strings extension (upstream enables it); cel-js lacks this one.
    .registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) =>
      s.replaceAll(a, b),
    )
  registerMath(env)
  for (const name of ['data', 'auth', 'ruleParams', ...extra]) env.registerVariable(name, 'CelObject')
  return env.registerVariable('request', 'Request')
}

function registerMath(env: Environment): void {
  env
    .registerFunction('MathNamespace.abs(int): int', (_m: MathNamespace, x: bigint) => (x < 0n ? -x : x))
    .registerFunction('MathNamespace.abs(double): double', (_m: MathNamespace, x: number) => Math.abs(x))
    .registerFunction('MathNamespace.ceil(double): double', (_m: MathNamespace, x: number) => Math.ceil(x))
    .registerFunction('MathNamespace.floor(double): double', (_m: MathNamespace, x: number) => Math.floor(x))
    .registerFunction('MathNamespace.round(double): double', (_m: MathNamespace, x: number) => Math.round(x))
}

let environments: Record<keyof typeof VARIABLES, Environment> | undefined

// Building an environment is the expensive part, so each is built once per process.
function environmentFor(action: ActionKind): Environment {
  environments ??= {
    read: baseEnvironment(VARIABLES.read),
    write: baseEnvironment(VARIABLES.write),
    link: baseEnvironment(VARIABLES.link),
    unlink: baseEnvironment(VARIABLES.unlink),
  }
  if (action === 'view' || action === 'delete') return environments.read
  if (action === 'create' || action === 'update') return environments.write
  return environments[action]
}

/** Parses and type-checks `code` for an action; throws with the library's message when it is invalid. */
export function compileCel(action: ActionKind, code: string): ParseResult {
  const program = environmentFor(action).parse(code)
  const checked = program.check()
  if (!checked.valid) throw checked.error ?? new Error('invalid expression')
  assertAuthRefPaths(program.ast)
  return program
}

/** Matches upstream's auth-ref-validator: auth.ref takes a literal path that starts with `$user.`. */
function assertAuthRefPaths(node: unknown): void {
  if (Array.isArray(node)) {
    for (const x of node) assertAuthRefPaths(x)
    return
  }
  if (!node || typeof node !== 'object' || !('op' in node)) return
  const { op, args } = node as { op: string; args: unknown }
  if (op === 'rcall' && Array.isArray(args) && args[0] === 'ref') {
    const [, target, callArgs] = args as [
      string,
      { op?: string; args?: unknown },
      { op?: string; args?: unknown }[],
    ]
    const path = callArgs?.[0]
    const isLiteral = path?.op === 'value' && typeof path.args === 'string'
    if (
      target?.op === 'id' &&
      target.args === 'auth' &&
      !(isLiteral && (path.args as string).startsWith('$user.'))
    ) {
      throw new Error('auth.ref arg must start with `$user.`')
    }
  }
  assertAuthRefPaths(args)
}

/** Parses without type-checking (bind analysis needs only the tree). */
export function parseCel(code: string): ParseResult {
  return environmentFor('link').parse(code)
}
