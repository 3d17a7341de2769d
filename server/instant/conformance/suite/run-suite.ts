// Runs the operator's conformance suite: each area in turn with its own time limit, one result per
// area, then the cleanup of everything the run created (always, even after a failure).

import { adminArea, authArea, permissionsArea } from './access-areas.ts'
import { paginationArea, queriesArea, realTimeArea } from './data-areas.ts'
import { SuiteContext, type SuiteTarget } from './suite-context.ts'

export interface AreaResult {
  area: string
  ok: boolean
  /** What was checked, or why it failed. */
  detail: string
  ms: number
}

export const AREAS: [string, (ctx: SuiteContext) => Promise<string>][] = [
  ['queries', queriesArea],
  ['pagination', paginationArea],
  ['real-time', realTimeArea],
  ['auth', authArea],
  ['permission rules', permissionsArea],
  ['admin API', adminArea],
]

const AREA_LIMIT_MS = 120_000

async function timed(area: string, run: () => Promise<string>): Promise<AreaResult> {
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${AREA_LIMIT_MS / 1000} s`)), AREA_LIMIT_MS)
  })
  try {
    const detail = await Promise.race([run(), limit])
    return { area, ok: true, detail, ms: Date.now() - started }
  } catch (err) {
    return {
      area,
      ok: false,
      // One line per area: assertion messages span several.
      detail: (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim(),
      ms: Date.now() - started,
    }
  } finally {
    clearTimeout(timer)
  }
}

/** Runs every area (or those named in `only`) and the cleanup; `onResult` sees each as it finishes. */
export async function runSuite(
  target: SuiteTarget,
  onResult: (r: AreaResult) => void,
  only?: string[],
): Promise<AreaResult[]> {
  const ctx = new SuiteContext(target)
  const results: AreaResult[] = []
  for (const [area, run] of AREAS) {
    if (only && !only.includes(area)) continue
    const r = await timed(area, () => run(ctx))
    results.push(r)
    onResult(r)
  }
  const cleanup = await timed(
    'cleanup',
    async () => `removed the run's ${await ctx.cleanup()} records and users`,
  )
  results.push(cleanup)
  onResult(cleanup)
  return results
}
