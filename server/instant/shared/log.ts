// Structured one-line logs on stderr; quiet by default in tests (INSTANT_LOCAL_LOG=debug|info|warn|error).

type Level = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void
  info(msg: string, data?: Record<string, unknown>): void
  warn(msg: string, data?: Record<string, unknown>): void
  error(msg: string, data?: Record<string, unknown>): void
}

export function createLogger(
  level: Level = (process.env.INSTANT_LOCAL_LOG as Level) || 'info',
  name = 'instant',
): Logger {
  const min = ORDER[level] ?? ORDER.info
  const write = (l: Level) => (msg: string, data?: Record<string, unknown>) => {
    if (ORDER[l] < min) return
    const extra = data ? ` ${JSON.stringify(data)}` : ''
    process.stderr.write(`[${name} ${l}] ${msg}${extra}\n`)
  }
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
