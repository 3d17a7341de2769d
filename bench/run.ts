// `npm run bench`: runs every benchmark and writes bench/results/<name>.json plus a summary line each.

import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { benchAssistant } from './assistant.bench.ts'
import { benchInstantServer } from './instant-server.bench.ts'

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  'instant-server': benchInstantServer,
  assistant: benchAssistant,
}

async function main(): Promise<void> {
  const only = process.argv[2]
  for (const [name, run] of Object.entries(BENCHES)) {
    if (only && only !== name) continue
    process.stdout.write(`bench ${name}…\n`)
    const results = await run()
    const report = {
      name,
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memory_gib: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      results,
    }
    writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(report, null, 2)}\n`)
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
