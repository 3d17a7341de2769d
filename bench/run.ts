// `npm run bench [-- <name>…] [-- --all] [-- --check]`: runs the benchmarks (the default set, the named
// ones, or all), writes bench/results/<name>.json, then the figures table in bench/README.md. --check
// exits 1 when a figure of a benchmark run now misses its budget (bench/figures.ts). Not part of `npm test`.

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { benchAccountExport } from './account-export.bench.ts'
import { benchAssistant } from './assistant.bench.ts'
import { benchBundle } from './bundle.bench.ts'
import { FIGURES, type Figure, keepsBudget, valueAt } from './figures.ts'
import { benchInstantServer } from './instant-server.bench.ts'
import { benchInstantStreams } from './instant-streams.bench.ts'
import { benchLighthouse } from './lighthouse.bench.ts'
import { benchOfflineStart } from './offline-start.bench.ts'
import { benchOpenChat } from './open-chat.bench.ts'
import { benchPrivacyHint } from './privacy-hint.bench.ts'
import { benchRealtime } from './realtime.bench.ts'
import { benchScrollBack } from './scroll-back.bench.ts'
import { benchServerScale } from './server-scale.bench.ts'
import { benchStreaming } from './streaming.bench.ts'
import { benchWorkers } from './workers.bench.ts'

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  'server-scale': benchServerScale,
  'instant-server': benchInstantServer,
  bundle: benchBundle,
  assistant: benchAssistant,
  lighthouse: benchLighthouse,
  'privacy-hint': benchPrivacyHint,
  'account-export': benchAccountExport,
  'open-chat': benchOpenChat,
  'scroll-back': benchScrollBack,
  realtime: benchRealtime,
  'offline-start': benchOfflineStart,
  workers: benchWorkers,
  streaming: benchStreaming,
  'instant-streams': benchInstantStreams,
}

// Run only when named or with --all: the default set must finish in about 15 minutes, and 600
// prompts through one, two and four workers alone take longer than that.
const ON_REQUEST = new Set(['workers'])

const README = 'bench/README.md'
const TABLE_START = '<!-- bench:figures -->'
const TABLE_END = '<!-- /bench:figures -->'

interface Row {
  figure: Figure
  value: number | undefined
  pass: boolean | undefined
  noise: string
}

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const check = args.includes('--check')
  const all = args.includes('--all')
  const names = args.filter((a) => !a.startsWith('--'))
  const unknown = names.filter((n) => !(n in BENCHES))
  if (unknown.length) {
    process.stderr.write(
      `unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}\n`,
    )
    return 2
  }
  const ran = new Set<string>()
  const started = performance.now()
  for (const [name, run] of Object.entries(BENCHES)) {
    if (names.length ? !names.includes(name) : !all && ON_REQUEST.has(name)) continue
    process.stdout.write(`bench ${name}…\n`)
    const t = performance.now()
    const results = await run()
    const report = {
      name,
      date: new Date().toISOString(),
      duration_s: Math.round((performance.now() - t) / 1000),
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
    ran.add(name)
  }
  const rows = FIGURES.map(rowOf)
  const table = tableOf(rows)
  writeTable(table)
  process.stdout.write(
    `\n${table}\n\nbenchmarks took ${Math.round((performance.now() - started) / 1000)} s\n`,
  )
  if (!check) return 0
  const missed = rows.filter((r) => ran.has(r.figure.bench) && r.pass === false)
  const unmeasured = rows.filter(
    (r) => ran.has(r.figure.bench) && budgetOf(r.figure) && r.value === undefined,
  )
  for (const r of missed)
    process.stderr.write(`budget missed: ${r.figure.label}: ${fmt(r)} (budget ${budgetOf(r.figure)})\n`)
  for (const r of unmeasured) process.stderr.write(`budget not measured: ${r.figure.label}\n`)
  if (missed.length + unmeasured.length) return 1
  process.stdout.write('every budget kept\n')
  return 0
}

function resultsOf(bench: string): unknown {
  const file = `bench/results/${bench}.json`
  if (!existsSync(file)) return undefined
  return (JSON.parse(readFileSync(file, 'utf8')) as { results?: unknown }).results
}

function rowOf(figure: Figure): Row {
  const results = resultsOf(figure.bench)
  const raw = valueAt(results, figure.path)
  const value = typeof raw === 'number' ? raw : undefined
  const hasBudget = figure.max !== undefined || figure.min !== undefined
  const pass = value === undefined || !hasBudget ? undefined : keepsBudget(figure, value)
  let noise: string
  if (typeof figure.noise === 'string') noise = figure.noise
  else {
    const pct = valueAt(results, figure.noise)
    noise = typeof pct === 'number' ? `p10–p90 spread ${pct} % of the median` : '—'
  }
  return { figure, value, pass, noise }
}

function budgetOf(f: Figure): string {
  if (f.max !== undefined) return `≤ ${f.max} ${f.unit}`
  if (f.min !== undefined) return `≥ ${f.min} ${f.unit}`
  return ''
}

const fmt = (r: Row) => (r.value === undefined ? '—' : `${r.value.toLocaleString('en-US')} ${r.figure.unit}`)

function tableOf(rows: Row[]): string {
  const lines = [
    '| benchmark | figure | value | budget | pass | noise |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.figure.bench} | ${r.figure.label} | ${fmt(r)} | ${budgetOf(r.figure)} | ${r.pass === undefined ? '' : r.pass ? 'yes' : '**no**'} | ${r.noise} |`,
    ),
  ]
  const dates = Object.keys(BENCHES)
    .map((b) => {
      const file = `bench/results/${b}.json`
      if (!existsSync(file)) return `${b}: not run`
      const { date } = JSON.parse(readFileSync(file, 'utf8')) as { date?: string }
      return `${b}: ${date?.slice(0, 16).replace('T', ' ')} UTC`
    })
    .join('; ')
  return `${lines.join('\n')}\n\nMeasured: ${dates}.`
}

function writeTable(table: string): void {
  const text = readFileSync(README, 'utf8')
  const start = text.indexOf(TABLE_START)
  const end = text.indexOf(TABLE_END)
  const block = `${TABLE_START}\n${table}\n${TABLE_END}`
  const next =
    start >= 0 && end > start
      ? text.slice(0, start) + block + text.slice(end + TABLE_END.length)
      : `${text.trimEnd()}\n\n## Figures\n\n${block}\n`
  writeFileSync(README, next)
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
