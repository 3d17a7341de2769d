// What the browser downloads: builds the app into a scratch folder, then measures the initial JS and
// CSS (what index.html loads before the first paint, with every static import) gzip and brotli, the
// Markdown renderer with what it loads on demand, and the largest lazy chunks.

import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

interface Size {
  raw_kb: number
  gzip_kb: number
  brotli_kb: number
}

export async function benchBundle(): Promise<Record<string, unknown>> {
  const out = mkdtempSync(join(tmpdir(), 'eduhu-bundle-'))
  try {
    await build(out)
    const assets = join(out, 'assets')
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'))
    const html = readFileSync(join(out, 'index.html'), 'utf8')
    const referenced = (attr: RegExp) =>
      [...html.matchAll(attr)].map((m) => (m[1] ?? '').replace(/^\/assets\//, ''))
    const entry = referenced(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)
    const preloaded = referenced(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)
    const css = referenced(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)
    const read = (f: string) => readFileSync(join(assets, f))
    const initialJs = closure([...entry, ...preloaded], read)
    const lazy = js.filter((f) => !initialJs.has(f))
    const markdown = lazy.find((f) => /^Markdown-/.test(f))
    const markdownClosure = markdown ? [...closure([markdown], read)].filter((f) => !initialJs.has(f)) : []
    const chunks = lazy
      .map((f) => ({ chunk: f.replace(/-[\w-]{8}\.js$/, '.js'), ...sizeOf([f], read) }))
      .sort((a, b) => b.gzip_kb - a.gzip_kb)
    return {
      initial_js: { ...sizeOf([...initialJs], read), files: [...initialJs].length },
      initial_css: { ...sizeOf(css, read), files: css.length },
      markdown_with_on_demand_imports: {
        ...sizeOf(markdownClosure, read),
        chunks: markdownClosure.map((f) => f.replace(/-[\w-]{8}\.js$/, '.js')),
      },
      largest_lazy_chunks: chunks.slice(0, 6),
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

/** The production build, as `npm run build` makes it, into dir (the shared dist/ stays untouched). */
export function build(dir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    proc.once('error', reject)
    proc.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)),
    )
  })
}

/** files and every chunk they import statically (`import … from "./x.js"`, not `import("./x.js")`). */
function closure(files: string[], read: (f: string) => Buffer): Set<string> {
  const seen = new Set<string>()
  const queue = [...files]
  while (queue.length) {
    const f = queue.pop() as string
    if (seen.has(f) || !f.endsWith('.js')) continue
    seen.add(f)
    const code = read(f).toString()
    for (const m of code.matchAll(/\b(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g))
      queue.push(m[1] as string)
  }
  return seen
}

function sizeOf(files: string[], read: (f: string) => Buffer): Size {
  let raw = 0
  let gzip = 0
  let brotli = 0
  for (const f of files) {
    const data = read(f)
    raw += data.length
    gzip += gzipSync(data, { level: 9 }).length
    brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10
  return { raw_kb: kb(raw), gzip_kb: kb(gzip), brotli_kb: kb(brotli) }
}
