// Compressed bodies of the built app's text files: the build's precompressed `.br`/`.gz` sibling when
// it is current, else compressed here once and kept in memory. Knows files and encodings, not HTTP.

import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

export type Encoding = 'br' | 'gzip'

/** Text types worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.txt',
  '.map',
  '.ico',
])
/** Below this, compression saves less than the header it costs. */
const MIN_BYTES = 1024
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }
/** The in-memory cache's cap: the whole app compresses to a few MB, so this only guards odd dist dirs. */
const CACHE_BYTES = 64 * 2 ** 20

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, honouring `q=0` (and `*`).
 * Undefined means identity.
 */
export function pickEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  if (!acceptEncoding) return undefined
  const q = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const value = qParam ? Number(qParam.slice(2)) : 1
    q.set(name.trim(), Number.isNaN(value) ? 0 : value)
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0
  if (accepts('br')) return 'br'
  if (accepts('gzip')) return 'gzip'
  return undefined
}

interface Cached {
  key: string
  body: Buffer
}

export class CompressedFiles {
  private cache = new Map<string, Cached>()
  private cachedBytes = 0

  /** Whether file (by its extension and size) is sent compressed when the client accepts it. */
  isCompressible(file: string, size: number): boolean {
    return COMPRESSIBLE.has(extname(file).toLowerCase()) && size >= MIN_BYTES
  }

  /** file's body in encoding. A sibling older than the file (a stale build) is ignored. */
  body(file: string, encoding: Encoding): Buffer {
    const stat = statSync(file)
    const sibling = file + SUFFIX[encoding]
    if (existsSync(sibling) && statSync(sibling).mtimeMs >= stat.mtimeMs) return readFileSync(sibling)
    const id = `${encoding}\u0000${file}`
    const key = `${stat.size}\u0000${stat.mtimeMs}`
    const hit = this.cache.get(id)
    if (hit?.key === key) return hit.body
    const body = compress(readFileSync(file), encoding)
    if (hit) this.drop(id)
    if (body.length <= CACHE_BYTES) {
      while (this.cachedBytes + body.length > CACHE_BYTES) this.drop(this.cache.keys().next().value as string)
      this.cache.set(id, { key, body })
      this.cachedBytes += body.length
    }
    return body
  }

  private drop(id: string): void {
    const old = this.cache.get(id)
    if (!old) return
    this.cache.delete(id)
    this.cachedBytes -= old.body.length
  }
}

/**
 * best: the build's setting (brotli 11, gzip 9), slow but run once per release. Otherwise brotli 5,
 * which is fast enough to run on the server's event loop the first time a file is asked for.
 */
export function compress(data: Buffer, encoding: Encoding, opts: { best?: boolean } = {}): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: opts.best ? 11 : 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      })
    : gzipSync(data, { level: opts.best ? 9 : 6 })
}
