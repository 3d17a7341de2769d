// Neutral stand-ins for what detect-personal-data.ts finds: "Schüler A", "Schülerin B", "[E-Mail]".
// One name keeps one letter in a prompt; letters already used as placeholders in the text are skipped.

import type { Finding } from './detect-personal-data.ts'

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const ROLE_BEFORE = /(?:Schüler|Schülerin|Kind|Mitschüler|Mitschülerin|Sohn|Tochter) $/u
const USED = /\b(?:Schüler|Schülerin|Schüler:in|Kind) ([A-Z])\b/gu

const FIXED: Record<Exclude<Finding['kind'], 'name'>, string> = {
  birthDate: '[Geburtsdatum]',
  address: '[Adresse]',
  email: '[E-Mail]',
  phone: '[Telefonnummer]',
}

/** The placeholder for each finding, by index, for `findings` of `text`. */
export function placeholdersFor(text: string, findings: readonly Finding[]): string[] {
  const used = new Set<string>()
  for (const m of text.matchAll(USED)) used.add(m[1] as string)
  const letterOf = new Map<string, string>()
  let next = 0
  const takeLetter = (key: string) => {
    const had = letterOf.get(key)
    if (had) return had
    while (next < LETTERS.length - 1 && used.has(LETTERS[next] as string)) next++
    const letter = LETTERS[next] as string
    next = Math.min(next + 1, LETTERS.length - 1)
    letterOf.set(key, letter)
    return letter
  }
  return findings.map((f) => {
    if (f.kind !== 'name') return FIXED[f.kind]
    const letter = takeLetter(nameKey(f.text))
    // "die Schülerin Aylin" → "die Schülerin B", not "die Schülerin Schülerin B".
    if (ROLE_BEFORE.test(text.slice(Math.max(0, f.start - 14), f.start))) return letter
    const role = f.gender === 'f' ? 'Schülerin' : f.gender === 'm' ? 'Schüler' : 'Schüler:in'
    return `${role} ${letter}`
  })
}

/** `text` with the findings at `which` (all when omitted) replaced by their placeholders. */
export function replaceFindings(
  text: string,
  findings: readonly Finding[],
  which?: ReadonlySet<number>,
): string {
  const stand = placeholdersFor(text, findings)
  let out = ''
  let from = 0
  findings.forEach((f, i) => {
    if (which && !which.has(i)) return
    out += text.slice(from, f.start) + stand[i]
    from = f.end
  })
  return out + text.slice(from)
}

// "Lena", "Lenas" and "Lena Schmidt" are the same pupil: the first word without a genitive s.
function nameKey(name: string): string {
  const first = name.split(' ')[0] ?? name
  return first.replace(/s$/u, '')
}

/** Findings with the same key are the same pupil or datum and are replaced together. */
export function findingKey(f: Finding): string {
  return f.kind === 'name' ? `name:${nameKey(f.text)}` : `${f.kind}:${f.text}`
}
