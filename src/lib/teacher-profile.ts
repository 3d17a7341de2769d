// The teacher profile's data contract, which the assistant worker reads: allowed values, limits,
// normalization and validation. Pure; stored values are German canonical strings, never UI text.

export const BUNDESLAENDER = [
  'Baden-Württemberg',
  'Bayern',
  'Berlin',
  'Brandenburg',
  'Bremen',
  'Hamburg',
  'Hessen',
  'Mecklenburg-Vorpommern',
  'Niedersachsen',
  'Nordrhein-Westfalen',
  'Rheinland-Pfalz',
  'Saarland',
  'Sachsen',
  'Sachsen-Anhalt',
  'Schleswig-Holstein',
  'Thüringen',
  'Österreich',
  'Schweiz',
  'Südtirol',
  'Anderes',
] as const

export const SCHOOL_TYPES = [
  'Grundschule',
  'Hauptschule',
  'Realschule',
  'Gymnasium',
  'Gesamtschule',
  'Oberschule/Sekundarschule',
  'Förderschule',
  'Berufsschule',
  'Andere',
] as const

export const GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13'] as const

/** Offered in the subject field; any other subject may be typed. */
export const SUBJECT_SUGGESTIONS = [
  'Deutsch',
  'Mathematik',
  'Englisch',
  'Biologie',
  'Chemie',
  'Physik',
  'Geschichte',
  'Erdkunde',
  'Politik',
  'Religion',
  'Ethik',
  'Kunst',
  'Musik',
  'Sport',
  'Informatik',
  'Französisch',
  'Latein',
  'Spanisch',
  'Sachunterricht',
  'DaZ',
] as const

export const PROFILE_LIMITS = { displayName: 80, subjects: 20, subject: 60 } as const

/** The contract fields; null means "not set" (Instant clears an optional attribute with null). */
export interface TeacherProfileValues {
  displayName: string | null
  bundesland: string | null
  schoolType: string | null
  subjects: string[]
  grades: string[]
}

export type ProfileField = keyof TeacherProfileValues

export type ProfileIssue =
  | { field: 'displayName'; kind: 'too-long'; length: number }
  | { field: 'bundesland' | 'schoolType' | 'grades'; kind: 'unknown-value'; value: string }
  | { field: 'subjects'; kind: 'too-many'; count: number }
  | { field: 'subjects'; kind: 'too-long'; subject: string }
  | { field: 'subjects'; kind: 'duplicate'; subject: string }
  | { field: 'subjects'; kind: 'empty' }

/** Empty or blank text is "not set". */
function toOptionalText(value: string | null | undefined): string | null {
  const text = value?.trim() ?? ''
  return text ? text : null
}

function toSubject(value: string): string {
  return value.replace(/\s+/g, ' ').trim()
}

function subjectKey(subject: string): string {
  return subject.toLocaleLowerCase('de')
}

/** Trimmed, blanks dropped, duplicates (ignoring case) dropped keeping the first spelling. */
export function normalizeSubjects(subjects: readonly string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of subjects) {
    const subject = toSubject(raw)
    if (!subject || seen.has(subjectKey(subject))) continue
    seen.add(subjectKey(subject))
    out.push(subject)
  }
  return out
}

/** Trimmed, deduplicated and sorted numerically; values that are no grade stay for validation to name. */
export function normalizeGrades(grades: readonly string[]): string[] {
  const unique = [...new Set(grades.map((g) => g.trim()).filter(Boolean))]
  const rank = (g: string) => (/^\d+$/.test(g) ? Number(g) : Number.POSITIVE_INFINITY)
  return unique.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/** Normalizes the fields present in `input` and leaves absent ones absent (a partial save stays partial). */
export function normalizeTeacherProfile(input: Partial<TeacherProfileValues>): Partial<TeacherProfileValues> {
  const out: Partial<TeacherProfileValues> = {}
  if ('displayName' in input) out.displayName = toOptionalText(input.displayName)
  if ('bundesland' in input) out.bundesland = toOptionalText(input.bundesland)
  if ('schoolType' in input) out.schoolType = toOptionalText(input.schoolType)
  if (input.subjects) out.subjects = normalizeSubjects(input.subjects)
  if (input.grades) out.grades = normalizeGrades(input.grades)
  return out
}

function isOneOf(list: readonly string[], value: string | null | undefined): boolean {
  return value == null || list.includes(value)
}

/** Everything in already normalized values that breaks the contract, in form order; [] when valid. */
export function findProfileIssues(values: Partial<TeacherProfileValues>): ProfileIssue[] {
  const issues: ProfileIssue[] = []
  const { displayName, bundesland, schoolType, subjects = [], grades = [] } = values
  if (displayName && displayName.length > PROFILE_LIMITS.displayName)
    issues.push({ field: 'displayName', kind: 'too-long', length: displayName.length })
  if (!isOneOf(BUNDESLAENDER, bundesland))
    issues.push({ field: 'bundesland', kind: 'unknown-value', value: bundesland! })
  if (!isOneOf(SCHOOL_TYPES, schoolType))
    issues.push({ field: 'schoolType', kind: 'unknown-value', value: schoolType! })
  const tooLong = subjects.find((s) => s.length > PROFILE_LIMITS.subject)
  if (tooLong) issues.push({ field: 'subjects', kind: 'too-long', subject: tooLong })
  if (subjects.length > PROFILE_LIMITS.subjects)
    issues.push({ field: 'subjects', kind: 'too-many', count: subjects.length })
  const badGrade = grades.find((g) => !isOneOf(GRADES, g))
  if (badGrade) issues.push({ field: 'grades', kind: 'unknown-value', value: badGrade })
  return issues
}

/** Adds one typed subject to the list, or says why it cannot be added (the list is then unchanged). */
export function addSubject(
  subjects: readonly string[],
  text: string,
): { subjects: string[] } | { issue: ProfileIssue } {
  const subject = toSubject(text)
  if (!subject) return { issue: { field: 'subjects', kind: 'empty' } }
  const existing = subjects.find((s) => subjectKey(s) === subjectKey(subject))
  if (existing) return { issue: { field: 'subjects', kind: 'duplicate', subject: existing } }
  if (subject.length > PROFILE_LIMITS.subject)
    return { issue: { field: 'subjects', kind: 'too-long', subject } }
  if (subjects.length >= PROFILE_LIMITS.subjects)
    return { issue: { field: 'subjects', kind: 'too-many', count: subjects.length + 1 } }
  return { subjects: [...subjects, subject] }
}

const EMPTY: TeacherProfileValues = {
  displayName: null,
  bundesland: null,
  schoolType: null,
  subjects: [],
  grades: [],
}

function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function textIn(value: unknown): string | null {
  return typeof value === 'string' ? toOptionalText(value) : null
}

/**
 * A stored profile as contract values, read defensively (json attributes may hold anything): a
 * select value outside its list reads as "not set", non-string list entries are skipped.
 */
export function readTeacherProfile(stored: Record<string, unknown> | undefined): TeacherProfileValues {
  if (!stored) return EMPTY
  const bundesland = textIn(stored.bundesland)
  const schoolType = textIn(stored.schoolType)
  return {
    displayName: textIn(stored.displayName),
    bundesland: isOneOf(BUNDESLAENDER, bundesland) ? bundesland : null,
    schoolType: isOneOf(SCHOOL_TYPES, schoolType) ? schoolType : null,
    subjects: normalizeSubjects(stringsIn(stored.subjects)),
    grades: normalizeGrades(stringsIn(stored.grades)).filter((g) => isOneOf(GRADES, g)),
  }
}

/** Whether two value sets are the same profile (subject order counts; grades are sorted anyway). */
export function isSameProfile(a: TeacherProfileValues, b: TeacherProfileValues): boolean {
  const sameList = (x: string[], y: string[]) => x.length === y.length && x.every((v, i) => v === y[i])
  return (
    a.displayName === b.displayName &&
    a.bundesland === b.bundesland &&
    a.schoolType === b.schoolType &&
    sameList(a.subjects, b.subjects) &&
    sameList(a.grades, b.grades)
  )
}
