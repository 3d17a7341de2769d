// Vite build plugin: writes a brotli (.br) and a gzip (.gz) copy of every compressible file of the
// build, service worker included, so the local Instant server sends them without compressing at runtime.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin } from 'vite'
import { CompressedFiles, compress } from '../server/instant/transport/compressed-files.ts'

export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'eduhu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    // After vite-plugin-pwa has written sw.js and workbox-*.js in its own closeBundle.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const rules = new CompressedFiles()
        for (const file of filesUnder(outDir)) {
          const size = statSync(file).size
          if (!rules.isCompressible(file, size)) continue
          const data = readFileSync(file)
          writeFileSync(`${file}.br`, compress(data, 'br', { best: true }))
          writeFileSync(`${file}.gz`, compress(data, 'gzip', { best: true }))
        }
      },
    },
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [path]
  })
}
