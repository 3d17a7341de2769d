// Serves the built PWA (dist/) on the same origin as the API: hashed assets cached for a year,
// index.html, sw.js and the manifest never cached, unknown paths fall back to index.html (SPA routes).

import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

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
    const immutable = name.startsWith(`${sep}assets${sep}`) && !isFallback
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    })
    if (req.method === 'HEAD') res.end()
    else createReadStream(file).pipe(res)
    return true
  }
}
