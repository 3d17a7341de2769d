// The Caddyfiles, read structurally (Caddy itself is not installed here; deploy/REVIEW.md records a
// `caddy adapt --validate` and a serving run with Debian's caddy 2.6.2): the production site serves
// the PWA with the stack's cache rules and security headers, /api/* goes to the services, Instant is
// health-checked, every placeholder is provided; the single-machine file proxies to the stack.

import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { serviceEnvironment } from './settings.ts'

const root = resolve(import.meta.dirname, '..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

interface Block {
  head: string
  lines: string[]
  children: Block[]
}

/** Caddyfile blocks by braces ("head {" … "}"), comments dropped; unbalanced braces throw. */
function parseCaddyfile(text: string): Block {
  const top: Block = { head: '', lines: [], children: [] }
  const stack = [top]
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (line === '') continue
    const current = stack[stack.length - 1]!
    if (line === '}') {
      if (stack.length === 1) throw new Error('a closing brace too many')
      stack.pop()
    } else if (line.endsWith('{')) {
      const block: Block = { head: line.slice(0, -1).trim(), lines: [], children: [] }
      current.children.push(block)
      current.lines.push(line)
      stack.push(block)
    } else current.lines.push(line)
  }
  if (stack.length !== 1) throw new Error('a block is not closed')
  return top
}

const all = (b: Block): string[] => [...b.lines, ...b.children.flatMap(all)]
const site = (top: Block, head: string) => {
  const found = top.children.find((b) => b.head === head)
  if (!found) throw new Error(`no site ${head}`)
  return found
}

describe('deploy/Caddyfile (production)', () => {
  const text = read('deploy/Caddyfile')
  const top = parseCaddyfile(text)
  const app = site(top, '{$APP_DOMAIN}')

  test('three sites: the app, Instant and its dashboard, each with TLS by domain', () => {
    const sites = top.children.map((b) => b.head).filter((h) => h.startsWith('{$'))
    expect(sites).toEqual(['{$APP_DOMAIN}', '{$INSTANT_DOMAIN}', '{$DASHBOARD_DOMAIN}'])
    expect(all(top.children[0]!)).toContain('email {$ACME_EMAIL}')
  })

  test('the PWA: hashed assets immutable, the rest revalidated, SPA fallback, compression', () => {
    // Vite writes its hashed files to assets/ (build.assetsDir is not changed in vite.config.ts).
    expect(read('vite.config.ts')).not.toMatch(/assetsDir/)
    const handle = app.children.find((b) => b.head === 'handle')!
    const hashed = handle.children.find((b) => b.head === '@hashed')!
    expect(hashed.lines).toEqual(['path /assets/*', 'file'])
    expect(handle.lines).toContain('header @hashed Cache-Control "public, max-age=31536000, immutable"')
    expect(handle.lines).toContain('@revalidated not path /assets/*')
    expect(handle.lines).toContain('header @revalidated Cache-Control "no-cache"')
    const spa = handle.children.find((b) => b.head === '@spa')!
    expect(spa.lines).toEqual(['not path_regexp \\.[A-Za-z0-9]+$', 'not file'])
    expect(handle.lines).toContain('rewrite @spa /index.html')
    expect(handle.children.find((b) => b.head === 'file_server')?.lines).toEqual(['precompressed br gzip'])
    expect(app.lines).toContain('encode zstd gzip')
  })

  test('the security headers of the stack, plus HSTS', () => {
    const stack = read('server/instant/transport/static-files.ts')
    const block = /const SECURITY_HEADERS[^{]*\{([^}]*)\}/.exec(stack)![1]!
    const pairs = [...block.matchAll(/'([a-z-]+)': '([^']+)'/g)].map((m) => [m[1]!, m[2]!] as const)
    expect(pairs.length).toBeGreaterThanOrEqual(3)
    const headers = all(top.children.find((b) => b.head === '(security_headers)')!)
    for (const [name, value] of pairs) {
      const line = headers.find((l) => l.toLowerCase().startsWith(`${name} `))
      expect(line, name).toBeDefined()
      expect(line!.slice(name.length + 1).replace(/"/g, '')).toBe(value)
    }
    expect(headers.some((l) => l.startsWith('Strict-Transport-Security'))).toBe(true)
    for (const s of top.children.filter((b) => b.head.startsWith('{$')))
      expect(s.lines, s.head).toContain('import security_headers')
  })

  test('/api/* goes to the services; Instant is proxied with its health check', () => {
    const api = app.children.find((b) => b.head === 'handle /api/*')!
    expect(api.lines).toEqual(['reverse_proxy {$SERVICES_UPSTREAM}'])
    const instant = site(top, '{$INSTANT_DOMAIN}')
    const proxy = instant.children.find((b) => b.head === 'reverse_proxy {$INSTANT_UPSTREAM}')!
    expect(proxy.lines).toContain('health_uri /health/system')
  })

  test('every placeholder without a default is set for the web service in compose.yaml', () => {
    const env = serviceEnvironment(read('deploy/compose.yaml'), 'web')
    const bare = [...text.matchAll(/\{\$([A-Z_]+)\}/g)].map((m) => m[1]!)
    expect(bare.length).toBeGreaterThan(5)
    expect([...new Set(bare)].filter((n) => !env.has(n))).toEqual([])
  })

  test('logs are rotated', () => {
    const logs = all(top).filter((l) => l.startsWith('output file '))
    expect(logs).toHaveLength(3)
    for (const b of top.children.flatMap(function walk(x: Block): Block[] {
      return [x, ...x.children.flatMap(walk)]
    }))
      if (b.head.startsWith('output file '))
        expect(b.lines).toEqual(['roll_size 20MiB', 'roll_keep 10', 'roll_keep_for 336h'])
  })
})

describe('deploy/single-machine/Caddyfile', () => {
  const top = parseCaddyfile(read('deploy/single-machine/Caddyfile'))
  const app = top.children.find((b) => b.head.startsWith('{$APP_DOMAIN'))!

  test('proxies everything to the stack and keeps the dev mailbox inside the machine', () => {
    expect(app.lines).toContain('reverse_proxy {$EDUHU_UPSTREAM:127.0.0.1:3000}')
    expect(app.lines).toContain('respond /dev/mailbox* 404')
  })
})
