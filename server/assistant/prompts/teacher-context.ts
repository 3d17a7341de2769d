// What the teacher told us about their teaching (their profile, src/features/profile), as a few
// lines for the system prompt, so plans and materials fit the Land's curriculum, the school type and
// the grades without the teacher repeating it in every chat. Nothing is sent for an empty profile.

export interface TeacherProfile {
  displayName?: string | null | undefined
  bundesland?: string | null | undefined
  schoolType?: string | null | undefined
  subjects?: unknown
  grades?: unknown
}

const MAX_FIELD = 80
const MAX_ITEMS = 20

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const t = value.replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD)
  return t || undefined
}

function list(value: unknown): string[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((v) => text(typeof v === 'number' ? String(v) : v) ?? []).slice(0, MAX_ITEMS)
}

export function teacherContext(profile: TeacherProfile | undefined): string | undefined {
  if (!profile) return undefined
  const lines: string[] = []
  const name = text(profile.displayName)
  const land = text(profile.bundesland)
  const school = text(profile.schoolType)
  const subjects = list(profile.subjects)
  const grades = list(profile.grades)
  if (name) lines.push(`- Name (so darfst du sie ansprechen): ${name}`)
  if (land) lines.push(`- Bundesland/Region: ${land}`)
  if (school) lines.push(`- Schulart: ${school}`)
  if (subjects.length) lines.push(`- Fächer: ${subjects.join(', ')}`)
  if (grades.length) lines.push(`- Klassenstufen: ${grades.join(', ')}`)
  if (!lines.length) return undefined
  return [
    'Aus dem Profil der Lehrkraft:',
    ...lines,
    'Richte Lehrplanbezug, Niveau und Beispiele danach aus, wenn die Anfrage nichts anderes sagt.',
  ].join('\n')
}
