#!/usr/bin/env node
// Runs a command while busy processes keep the CPU cores at 100%, to show the suite does not depend on
// machine speed: `node scripts/with-load.mjs [--busy N] [--minutes M] [-- <command> …]`. The busy
// processes stop when the command ends, on Ctrl-C, or after M minutes even if this script is killed.

import { spawn } from 'node:child_process'
import { availableParallelism, loadavg } from 'node:os'

function usage(message) {
  if (message) process.stderr.write(`with-load: ${message}\n`)
  process.stderr.write(
    'usage: node scripts/with-load.mjs [--busy N] [--minutes M] [-- <command> [args…]]\n' +
      '  --busy N     busy processes (default: one per core, here ' +
      `${availableParallelism()})\n` +
      '  --minutes M  hard limit for the load and the command (default 60)\n' +
      '  without a command, the load just runs for M minutes\n',
  )
  process.exit(2)
}

const args = process.argv.slice(2)
let busy = availableParallelism()
let minutes = 60
let command = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]
  if (a === '--') {
    command = args.slice(i + 1)
    break
  }
  if (a === '--busy' || a === '--minutes') {
    const n = Number(args[++i])
    if (!Number.isFinite(n) || n <= 0) usage(`${a} needs a positive number`)
    if (a === '--busy') busy = Math.floor(n)
    else minutes = n
  } else if (a === '-h' || a === '--help') usage()
  else {
    command = args.slice(i)
    break
  }
}

const limitMs = Math.round(minutes * 60_000)
// Each spinner ends itself at the limit, or as soon as this script is gone (it gets a new parent),
// so a killed run never leaves cores burning.
const SPIN = `
const end = Date.now() + ${limitMs}
const parent = process.ppid
for (let n = 0; ; n++) {
  if ((n & 0xfffff) === 0 && (Date.now() > end || process.ppid !== parent)) process.exit(0)
}
`
const spinners = Array.from({ length: busy }, () =>
  spawn(process.execPath, ['-e', SPIN], { stdio: 'ignore' }),
)
const started = Date.now()
const say = (text) => process.stderr.write(`[with-load] ${text}\n`)
say(`${busy} busy process(es) started (pids ${spinners.map((s) => s.pid).join(', ')}), limit ${minutes} min`)

let stopping = false
function stop(code) {
  if (stopping) return
  stopping = true
  for (const s of spinners) if (s.exitCode === null) s.kill('SIGKILL')
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  say(`busy processes stopped after ${seconds}s; load average ${load}`)
  process.exit(code)
}

let child
const limit = setTimeout(() => {
  if (child) {
    say(`the command ran past ${minutes} min: stopping it`)
    child.kill('SIGTERM')
  } else stop(0)
}, limitMs)

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    child?.kill(signal)
    stop(130)
  })
}

if (command.length) {
  child = spawn(command[0], command.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' })
  child.on('error', (err) => {
    say(`cannot run ${command[0]}: ${err.message}`)
    stop(127)
  })
  child.on('exit', (code, signal) => {
    clearTimeout(limit)
    say(`command exited with ${signal ?? code}`)
    stop(code ?? 1)
  })
}
