// The app image prunes dev dependencies (deploy/Dockerfile: npm prune --omit=dev), so everything the
// worker, the services, the stack and the operator commands import at run time must be a dependency
// in package.json, not a devDependency. Follows the relative imports from each entry file.

import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import ts from 'typescript'
import { expect, test } from 'vitest'

const root = resolve(import.meta.dirname, '..')
const ENTRIES = [
  'server/assistant/main.ts',
  'server/stack/services-main.ts',
  'server/stack/main.ts',
  'server/instant/main.ts',
  'server/instant/ops/backup-main.ts',
  'server/instant/ops/restore-main.ts',
  'server/instant/ops/push-main.ts',
  'server/instant/ops/migrate-main.ts',
]
// Not in the image: `npm run conformance` uses the eventsource dev dependency and runs from a full
// checkout (npm ci) on the operator's machine (deploy/README.md).
const CHECKOUT_ONLY = ['server/instant/ops/conformance-main.ts']

function packageOf(specifier: string): string {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!
}

/** The packages a file and its relative imports import (type-only imports are erased, so skipped). */
function packagesFrom(entries: string[]): { packages: Map<string, string>; files: number } {
  const seen = new Set<string>()
  const packages = new Map<string, string>()
  const queue = entries.map((e) => join(root, e))
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    const info = ts.preProcessFile(source, true, true)
    for (const ref of info.importedFiles) {
      const spec = ref.fileName
      // `import type …` leaves nothing at run time.
      const statement = source.slice(Math.max(0, source.lastIndexOf('\n', ref.pos) + 1), ref.pos)
      if (/^\s*(import|export)\s+type\b/.test(statement)) continue
      if (spec.startsWith('.')) {
        const target = resolve(dirname(file), spec)
        const inPackage = /[\\/]node_modules[\\/](.+)$/.exec(target)
        if (inPackage) {
          packages.set(packageOf(inPackage[1]!.replace(/\\/g, '/')), file.slice(root.length + 1))
          continue
        }
        const candidates = [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')]
        const found = candidates.find((c) => existsSync(c) && /\.tsx?$/.test(c))
        if (found) queue.push(found)
        else if (!/\.(json|css)$/.test(spec)) throw new Error(`${file}: cannot resolve ${spec}`)
      } else if (!spec.startsWith('node:') && !builtinModules.includes(spec)) {
        packages.set(packageOf(spec), file.slice(root.length + 1))
      }
    }
  }
  return { packages, files: seen.size }
}

test('everything the server imports at run time is a dependency, not a dev dependency', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>
  }
  const { packages, files } = packagesFrom(ENTRIES)
  expect(files).toBeGreaterThan(50)
  expect(packages.has('@instantdb/admin')).toBe(true)
  const missing = [...packages].filter(([name]) => !(name in pkg.dependencies)).map(([n, f]) => `${n} (${f})`)
  expect(missing).toEqual([])
  // The checkout-only command does need a dev dependency: the list above is not a formality.
  const checkout = packagesFrom(CHECKOUT_ONLY).packages
  expect([...checkout.keys()].filter((n) => !(n in pkg.dependencies))).toEqual(['eventsource'])
  // tsx runs the sources in the image (node --import tsx), so it must survive the prune too.
  expect(pkg.dependencies).toHaveProperty('tsx')
})
