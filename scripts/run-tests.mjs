#!/usr/bin/env node
// `npm test`: every check, in order — typecheck, lint, unit and integration tests (vitest), Instant's
// own shipped e2e tests against our server, and Playwright e2e in Chromium. Stops at nothing:
// runs every stage, then prints one summary (every skipped test by name, with its reason) and exits
// non-zero if any stage failed.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { stripVTControlCharacters } from 'node:util'

const reports = join('node_modules', '.tmp', 'test-reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const node = process.execPath
const bin = (pkg, file) => join('node_modules', pkg, file)

const stages = [
  { name: 'typecheck', cmd: [node, bin('typescript', 'bin/tsc'), '-b'] },
  { name: 'lint', cmd: [node, bin('@biomejs/biome', 'bin/biome'), 'check', '.'] },
  {
    name: 'unit + integration (vitest)',
    cmd: [
      node,
      bin('vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/vitest.json`,
    ],
    report: () => vitestCounts(`${reports}/vitest.json`),
    failures: () => vitestFailures(`${reports}/vitest.json`),
    skips: () => vitestSkips(`${reports}/vitest.json`),
  },
  {
    name: 'upstream @instantdb/core e2e (vitest browser)',
    cmd: [node, '--import', 'tsx', 'scripts/run-upstream-e2e.ts', `--json=${reports}/upstream.json`],
    report: () => vitestCounts(`${reports}/upstream.json`),
    failures: () => vitestFailures(`${reports}/upstream.json`),
    skips: () => vitestSkips(`${reports}/upstream.json`),
  },
  {
    name: 'e2e (Playwright)',
    cmd: [node, 'scripts/run-playwright.mjs'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
    report: () => playwrightCounts(`${reports}/playwright.json`),
    failures: () => playwrightFailures(`${reports}/playwright.json`),
    skips: () => playwrightSkips(`${reports}/playwright.json`),
  },
]

function vitestCounts(file) {
  if (!existsSync(file)) return undefined
  const r = JSON.parse(readFileSync(file, 'utf8'))
  return {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  }
}

function playwrightCounts(file) {
  if (!existsSync(file)) return undefined
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {}
  return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 }
}

// CI shows only the end of the output: the summary repeats what failed and why, briefly.
const brief = (text) => stripVTControlCharacters(String(text ?? '')).slice(0, 700)

function vitestFailures(file) {
  if (!existsSync(file)) return []
  const out = []
  for (const f of JSON.parse(readFileSync(file, 'utf8')).testResults ?? []) {
    // A file can fail without a failing test: a hook, an import, an unhandled error.
    if (f.status === 'failed' && f.message) out.push(`${f.name}: ${brief(f.message)}`)
    for (const t of f.assertionResults ?? [])
      if (t.status === 'failed') out.push(`${t.fullName}: ${brief(t.failureMessages?.join('\n'))}`)
  }
  return out
}

// Vitest's JSON keeps no skip note: the reason is what can be told from the report.
function vitestSkips(file) {
  if (!existsSync(file)) return []
  const out = []
  for (const f of JSON.parse(readFileSync(file, 'utf8')).testResults ?? []) {
    for (const t of f.assertionResults ?? []) {
      if (t.status === 'passed' || t.status === 'failed') continue
      const reason =
        t.status === 'todo'
          ? 'marked todo'
          : f.status === 'failed' && f.message
            ? 'not run: its file failed'
            : 'skipped in its file (skip, skipIf or only elsewhere)'
      out.push(`${f.name.replace(`${process.cwd()}/`, '')}: ${t.fullName} — ${reason}`)
    }
  }
  return out
}

function playwrightSkips(file) {
  if (!existsSync(file)) return []
  const out = []
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue
        const notes = [...(t.annotations ?? []), ...(t.results ?? []).flatMap((r) => r.annotations ?? [])]
        const note = notes.find((a) => a.type === 'skip' || a.type === 'fixme')
        const reason = note
          ? `${note.type}${note.description ? `: ${note.description}` : ''}`
          : (t.results ?? []).length === 0 || t.results.every((r) => r.status === 'skipped')
            ? 'not run: an earlier test of its serial group failed, or the run stopped'
            : 'skipped'
        out.push(`[${t.projectName}] ${spec.file}: ${spec.title} — ${reason}`)
      }
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of JSON.parse(readFileSync(file, 'utf8')).suites ?? []) walk(suite)
  return out
}

function playwrightFailures(file) {
  if (!existsSync(file)) return []
  const out = []
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'unexpected' || t.status === 'flaky') {
          const error = t.results?.find((r) => r.error)?.error
          out.push(`[${t.projectName}] ${spec.file}: ${spec.title}: ${brief(error?.message)}`)
        }
    for (const child of suite.suites ?? []) walk(child)
  }
  for (const suite of JSON.parse(readFileSync(file, 'utf8')).suites ?? []) walk(suite)
  return out
}

const results = []
for (const stage of stages) {
  const started = Date.now()
  process.stdout.write(`\n=== ${stage.name} ===\n`)
  const run = spawnSync(stage.cmd[0], stage.cmd.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...stage.env },
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  results.push({
    name: stage.name,
    ok: run.status === 0,
    seconds,
    counts: stage.report?.(),
    failures: run.status === 0 ? [] : (stage.failures?.() ?? []),
    skips: stage.skips?.() ?? [],
  })
}

let passed = 0
let failed = 0
let skipped = 0
process.stdout.write('\n=== summary ===\n')
for (const r of results) {
  const c = r.counts
    ? ` (${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped)`
    : ''
  process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${c} in ${r.seconds}s\n`)
  if (r.counts) {
    passed += r.counts.passed
    failed += r.counts.failed
    skipped += r.counts.skipped
  }
  if (!r.ok && !(r.counts?.failed > 0)) failed += 1
  for (const f of r.failures.slice(0, 10)) process.stdout.write(`     - ${f}\n`)
  // A skip can hide a failure: each is named, with why it did not run.
  for (const s of r.skips.slice(0, 30)) process.stdout.write(`     ~ skipped ${s}\n`)
  if (r.skips.length > 30) process.stdout.write(`     ~ … and ${r.skips.length - 30} more skipped\n`)
}
process.stdout.write(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
process.exit(results.every((r) => r.ok) ? 0 : 1)
