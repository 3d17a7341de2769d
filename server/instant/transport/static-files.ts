// Serves the built PWA (dist/) on the same origin as the API: text compressed (brotli or gzip), hashed
// assets cached for a year, index.html, sw.js and the manifest revalidated every time (ETag), unknown
// paths fall back to index.html (SPA routes).

import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { CompressedFiles, pickEncoding } from './compressed-files.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
}

export function createStaticHandler(dir: string) {
  const root = resolve(dir)
  const index = join(root, 'index.html')
  const compressed = new CompressedFiles()
  return function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    let file = resolve(join(root, normalize(decodeURIComponent(pathname))))
    if (file !== root && !file.startsWith(root + sep)) return false
    let isFallback = false
    if (!existsSync(file) || statSync(file).isDirectory()) {
      // Paths with a file extension are real misses; everything else is a client-side route.
      if (extname(pathname) || !existsSync(index)) return false
      file = index
      isFallback = true
    }
    const name = file.slice(root.length)
    // Only Vite's content-hashed output may be cached for good; a new build gets new names.
    const immutable = name.startsWith(`${sep}assets${sep}`) && !isFallback
    const stat = statSync(file)
    const encoding = compressed.isCompressible(file, stat.size)
      ? pickEncoding(req.headers['accept-encoding'])
      : undefined
    // The ETag names the file version and the encoding, so a cache never mixes bodies.
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      etag,
    }
    if (compressed.isCompressible(file, stat.size)) headers.vary = 'accept-encoding'
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers)
      res.end()
      return true
    }
    if (encoding) {
      const body = compressed.body(file, encoding)
      res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length })
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
    return true
  }
}
