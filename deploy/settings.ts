// Reads what deploy/'s tests compare: the environment variables the code reads (found in its sources),
// the ones an env example documents, and compose.yaml's interpolations and per-service environment.

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const READS = [
  // env.NAME, env?.NAME, process.env.NAME, env['NAME']
  /\benv(?:\?\.|\.)([A-Z][A-Z0-9_]+)/g,
  /\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g,
  // a name handed to a reader, e.g. positiveInt(env, 'ASSISTANT_CONCURRENCY', …) or num('INSTANT_…')
  /['"]((?:ASSISTANT|INSTANT|RETENTION|EDUHU)_[A-Z0-9_]+)['"]/g,
]

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === 'testing' || name === 'conformance' ? [] : sources(path)
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : []
  })
}

/** Every variable the server code reads, and the app's build-time VITE_* (declared in vite-env.d.ts). */
export function variablesReadByCode(root: string): Set<string> {
  const names = new Set<string>()
  for (const file of [...sources(join(root, 'server')), join(root, 'vite.config.ts')]) {
    const text = readFileSync(file, 'utf8')
    for (const re of READS) for (const m of text.matchAll(re)) names.add(m[1]!)
  }
  const viteEnv = readFileSync(join(root, 'src/vite-env.d.ts'), 'utf8')
  for (const m of viteEnv.matchAll(/readonly (VITE_[A-Z0-9_]+)/g)) names.add(m[1]!)
  return names
}

/** Variables an env example mentions as NAME=…, set or commented out, with the value shown. */
export function documentedVariables(text: string): Map<string, string> {
  const vars = new Map<string, string>()
  for (const line of text.split('\n')) {
    const m = /^#?\s*([A-Z][A-Z0-9_]+)=(\S*)/.exec(line)
    if (m) vars.set(m[1]!, m[2]!)
    // "… or INSTANT_ADMIN_TOKEN=..." further along a line documents an alternative.
    for (const alt of line.matchAll(/\sor ([A-Z][A-Z0-9_]+)=/g)) if (!vars.has(alt[1]!)) vars.set(alt[1]!, '')
  }
  return vars
}

/** Variables set (uncommented) in an env example: the required ones. */
export function setVariables(text: string): Set<string> {
  return new Set([...text.matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!))
}

export interface Interpolation {
  name: string
  /** ':-' default, ':?' required, or none. */
  kind: 'default' | 'required' | 'plain'
  value: string
}

/** ${NAME}, ${NAME:-default}, ${NAME:?message} in a compose file; $${…} is an escaped literal. */
export function interpolations(compose: string): Interpolation[] {
  const out: Interpolation[] = []
  for (const m of compose.matchAll(/(?<!\$)\$\{([A-Z][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g)) {
    out.push({
      name: m[1]!,
      kind: m[2] === ':-' ? 'default' : m[2] === ':?' ? 'required' : 'plain',
      value: m[3] ?? '',
    })
  }
  return out
}

/**
 * The keys under `environment:` of one service, read by indentation (the file is plain block YAML;
 * the schema check in compose.test.ts covers the rest). A `<<: *anchor` merge brings the anchor's keys.
 */
export function serviceEnvironment(compose: string, service: string): Set<string> {
  const lines = compose.split('\n')
  const keysUnder = (start: number, indent: number): string[] => {
    const keys: string[] = []
    for (let i = start; i < lines.length; i++) {
      const line = lines[i]!
      if (line.trim() === '' || line.trim().startsWith('#')) continue
      const lead = line.length - line.trimStart().length
      if (lead < indent) break
      if (lead === indent) {
        const key = /^\s*([A-Za-z0-9_<]+):/.exec(line)?.[1]
        if (key === '<<') {
          const anchor = /\*([\w-]+)/.exec(line)?.[1]
          const at = lines.findIndex((l) => l.includes(`&${anchor}`))
          keys.push(...keysUnder(at + 1, 2))
        } else if (key) keys.push(key)
      }
    }
    return keys
  }
  const at = lines.indexOf(`  ${service}:`)
  if (at < 0) throw new Error(`compose.yaml has no service ${service}`)
  let env = -1
  for (let i = at + 1; i < lines.length && !/^ {2}\S/.test(lines[i]!); i++)
    if (lines[i] === '    environment:') env = i
  if (env < 0) throw new Error(`service ${service} has no environment:`)
  return new Set(keysUnder(env + 1, 6))
}
