// The built app as the local Instant server serves it (real server, real HTTP): compressed text,
// precompressed siblings preferred, long-lived caching for hashed assets only, ETag revalidation.

import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type InstantServer, startInstantServer } from '../server.ts'
import { createLogger } from '../shared/log.ts'
import { pickEncoding } from './compressed-files.ts'

const APP_JS = `export const greeting = ${JSON.stringify('Hallo, Lehrkraft! '.repeat(400))}\n`
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/app-3f9a1c.js"></script></head><body>${'<p>eduhu.ki</p>'.repeat(100)}</body></html>`
const SW = `self.addEventListener('fetch', () => {})\n${'// precache\n'.repeat(200)}`
const PRECOMPRESSED = 'precompressed by the build'

let server: InstantServer
let dataDir: string
let dist: string

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'static-data-'))
  dist = mkdtempSync(join(tmpdir(), 'static-dist-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), INDEX)
  writeFileSync(join(dist, 'sw.js'), SW)
  writeFileSync(join(dist, 'assets', 'app-3f9a1c.js'), APP_JS)
  writeFileSync(join(dist, 'assets', 'lib-77aa00.js'), APP_JS)
  // A build's brotli sibling: served as it is (its marker text proves it was not recompressed).
  writeFileSync(join(dist, 'assets', 'lib-77aa00.js.br'), brotliCompressSync(Buffer.from(PRECOMPRESSED)))
  writeFileSync(join(dist, 'assets', 'icon-1a2b3c.png'), Buffer.alloc(4096, 7))
  server = await startInstantServer({ dataDir, port: 0, staticDir: dist, log: createLogger('error') })
})

afterAll(async () => {
  await server?.close()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(dist, { recursive: true, force: true })
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A raw GET (node:http does not decompress), so the test sees the bytes on the wire. */
function get(path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

describe('compression', () => {
  test('sends brotli when the browser accepts it, and the body decodes to the file', async () => {
    const r = await get('/assets/app-3f9a1c.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(r.status).toBe(200)
    expect(r.headers['content-encoding']).toBe('br')
    expect(r.headers.vary).toBe('accept-encoding')
    expect(Number(r.headers['content-length'])).toBe(r.body.length)
    expect(r.body.length).toBeLessThan(APP_JS.length / 10)
    expect(brotliDecompressSync(r.body).toString()).toBe(APP_JS)
  })

  test('sends gzip to a client without brotli', async () => {
    const r = await get('/assets/app-3f9a1c.js', { 'accept-encoding': 'gzip' })
    expect(r.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(r.body).toString()).toBe(APP_JS)
  })

  test('sends the file as it is when no encoding is accepted or br and gzip are refused', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const r = await get('/assets/app-3f9a1c.js', accept ? { 'accept-encoding': accept } : {})
      expect(r.headers['content-encoding'], accept).toBeUndefined()
      expect(r.body.toString(), accept).toBe(APP_JS)
    }
  })

  test("prefers the build's precompressed sibling, unless it is older than the file", async () => {
    const fresh = await get('/assets/lib-77aa00.js', { 'accept-encoding': 'br' })
    expect(brotliDecompressSync(fresh.body).toString()).toBe(PRECOMPRESSED)
    const old = new Date(Date.now() - 60_000)
    utimesSync(join(dist, 'assets', 'lib-77aa00.js.br'), old, old)
    const stale = await get('/assets/lib-77aa00.js', { 'accept-encoding': 'br' })
    expect(brotliDecompressSync(stale.body).toString()).toBe(APP_JS)
  })

  test('compresses index.html and the SPA fallback, not images', async () => {
    const page = await get('/', { 'accept-encoding': 'br' })
    expect(page.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(page.body).toString()).toBe(INDEX)
    const route = await get('/chat/123', { 'accept-encoding': 'gzip' })
    expect(gunzipSync(route.body).toString()).toBe(INDEX)
    const png = await get('/assets/icon-1a2b3c.png', { 'accept-encoding': 'br, gzip' })
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.body.length).toBe(4096)
  })

  test('reads Accept-Encoding like browsers and proxies write it', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br')
    expect(pickEncoding('br;q=0, gzip;q=0.8')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('*;q=0, gzip')).toBe('gzip')
    expect(pickEncoding('deflate')).toBeUndefined()
    expect(pickEncoding('')).toBeUndefined()
  })
})

describe('cache headers', () => {
  test('hashed assets are cached for a year and never revalidated', async () => {
    const r = await get('/assets/app-3f9a1c.js')
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  test('index.html, its SPA fallback and the service worker are revalidated on every load', async () => {
    for (const path of ['/', '/index.html', '/chat/123', '/sw.js']) {
      const r = await get(path)
      expect(r.headers['cache-control'], path).toBe('no-cache')
      expect(r.headers['cache-control'], path).not.toMatch(/max-age=[1-9]/)
    }
  })

  test('a revalidation with the current ETag gets 304 and no body; another encoding has another ETag', async () => {
    const first = await get('/sw.js', { 'accept-encoding': 'br' })
    const etag = first.headers.etag as string
    expect(etag).toBeTruthy()
    const again = await get('/sw.js', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const plain = await get('/sw.js', { 'if-none-match': etag })
    expect(plain.status).toBe(200)
    expect(plain.body.toString()).toBe(SW)
  })
})
