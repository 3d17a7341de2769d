// Finds what looks like pupils' personal data in a prompt before it leaves the device: names, birth
// dates, addresses, e-mail addresses, phone numbers. Pure and local (no request, no model), one pass of
// regular expressions over the text, so 8,000 characters take well under a frame (bench/privacy-hint.bench.ts).

import { AMBIGUOUS_NAMES, COMMON_SURNAMES, FIRST_NAMES, type NameGender } from './first-names.ts'

export type FindingKind = 'name' | 'birthDate' | 'address' | 'email' | 'phone'

export interface Finding {
  kind: FindingKind
  /** Offsets into the text: `text.slice(start, end)` is what was found. */
  start: number
  end: number
  text: string
  /** For names: the gender the placeholder takes ('u' when unknown). */
  gender?: NameGender
}

// Words after which a capitalised word is a pupil's name ("die Schülerin Aylin", "mein Sohn Jonte").
const ROLE_WORDS = new Set([
  'Schüler',
  'Schülerin',
  'Schülers',
  'Mitschüler',
  'Mitschülerin',
  'Kind',
  'Kindes',
  'Sohn',
  'Tochter',
  'Neffe',
  'Nichte',
  'Bruder',
  'Schwester',
  'Azubi',
  'Praktikant',
  'Praktikantin',
  'Pupil',
  'Student',
  'student',
  'pupil',
])
// A sentence with one of these speaks about a pupil; "Kerem hat …" there is most likely a name.
const CONTEXT_WORDS =
  /\b(?:Note|Noten|Diagnose|Förderbedarf|Förderplan|LRS|ADHS|ADS|Autismus|Autist|Legasthenie|Dyskalkulie|Zeugnis|Klasse|Elterngespräch|Eltern|Mutter|Vater|Verhalten|Nachteilsausgleich|Inklusionskind|Fehlstunden|Attest)\b/u
const CONTEXT_VERBS = new Set([
  'hat',
  'hatte',
  'ist',
  'war',
  'bekommt',
  'bekam',
  'braucht',
  'kann',
  'konnte',
  'schreibt',
  'schrieb',
  'zeigt',
  'leidet',
  'liest',
  'stört',
  'fehlt',
  'fehlte',
  'soll',
  'muss',
  'darf',
  'will',
  'wird',
  'geht',
  'kommt',
  'sitzt',
])
// Capitalised words that start sentences or follow a role word without being a name.
const NOT_NAMES = new Set(
  `Der Die Das Den Dem Des Ein Eine Einen Einem Einer Er Sie Es Wir Ihr Ich Du Man Jeder Jede Jedes Keiner Keine
  Niemand Jemand Wer Was Wie Wo Warum Mein Meine Dein Deine Unser Unsere Euer Sein Seine Ihre Dieser Diese Dieses
  Jener Alle Viele Manche Einige Beide Welche Welcher Dort Hier Heute Morgen Gestern Dann Auch Nur Noch Schon Bitte
  Klasse Klassen Jahrgang Jahrgangs Stufe Grundschule Sekundarstufe Mittelstufe Oberstufe Gruppe Gruppen Mathe
  Mathematik Deutsch Englisch Französisch Latein Spanisch Biologie Chemie Physik Geschichte Erdkunde Geografie
  Kunst Musik Sport Religion Ethik Informatik Politik Sachunterricht Wirtschaft Text Thema Aufgabe Aufgaben
  Arbeitsblatt Material Test Quiz Lehrer Lehrerin Lehrkraft Eltern Mutter Vater Kind Kinder Schüler Schülerin
  Jedes Welches Zum Zur Im Am Beim Vom Mit Für Bei Nach Von Aus In An Auf Ohne Um Und Oder Aber Denn Weil Dass
  The A An He She It We They You I My Our His Her This That These Those Every Each Some All No Not`
    .split(/\s+/)
    .filter(Boolean),
)
// Endings that make a capitalised word a German noun, not a name.
const NOUN_ENDING =
  /(?:ung|heit|keit|schaft|tion|sion|ität|nis|ismus|ment|chen|lein|ik|ie|tur|ur|ei|enz|anz|ling|tum|ler|ner|ter|gen|ten|sen)$/u

// Famous people and works taught in school whose first names are also pupils' names.
const FAMOUS_FOLLOWERS = new Set(
  `Mann Brecht Goethe Schiller Kafka Heine Fontane Kästner Hesse Frisch Lessing Büchner Marx Luther Curie Einstein
  Newton Darwin Planck Beethoven Mozart Bach Scholl Frank Gutenberg Humboldt Bismarck Stuart Theresia Tell Twist
  Sawyer Finn Crusoe Galotti Briest Räubertochter Langstrumpf Knopf Merkel Kohl Brandt Adenauer Schmidt Picasso
  Monet Kahlo Gogh Dürer Kant Hegel Nietzsche Freud Jung Mendel Kepler Galilei Kopernikus Columbus Kolumbus Magellan
  Tolstoi Dostojewski Puschkin Shakespeare Dickens Rowling Austen Orwell Swift Lindgren Ende Preußler Funke
  Seghers Wolf Kleist Hölderlin Rilke Trakl Eichendorff Storm Keller Hauptmann Zweig Remarque Borchert Böll
  Grass Weiss Süskind Herrndorf Droste Hülshoff Washington Lincoln Kennedy Obama Trump Biden Putin Lenin Stalin
  Napoleon Caesar Gandhi King Mandela Parks Wilhelm Franziskus Magnus Arendt Busch Lindgren Vinci Potter`
    .split(/\s+/)
    .filter(Boolean),
)
const WORK_TITLES =
  /\b(?:Romeo und Julia|Max und Moritz|Emil und die Detektive|Hänsel und Gretel|Tristan und Isolde|Adam und Eva|Kabale und Liebe|Nathan der Weise|Pünktchen und Anton|Ronja Räubertochter|Jim Knopf|Anne Frank|Sophie Scholl|Hans und Sophie Scholl|Maria Stuart|Effi Briest|Emilia Galotti|Wilhelm Tell|Tom Sawyer|Oliver Twist|Huckleberry Finn|Karl der Große|Friedrich der Große|Otto der Große|Martin Luther King)\b/gu

const WORD = /[\p{L}][\p{L}'’-]*/gu
const CAPITALISED = /^\p{Lu}\p{Ll}/u
const MONTHS = 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember'
const DATE = new RegExp(
  `\\b(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:19|20)?\\d{2}|\\d{1,2}\\.\\s?(?:${MONTHS})\\s+\\d{4}|(?:19|20)\\d{2}-\\d{2}-\\d{2})\\b`,
  'gu',
)
const BIRTH_CUE = /(?:\bgeb\.|\bgeboren|Geburtsdatum|Geburtstag|\bborn\b|\bbirthday|\*)\s*(?:am|on|:)?\s*$/iu
const STREET =
  /\b\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring|damm|ufer|chaussee|pfad|steig)\s+\d{1,4}\s?[a-zA-Z]?\b(?:,?\s*\d{5}\s+\p{Lu}[\p{L}-]+)?|\b\p{Lu}\p{Ll}+(?:er)?\s+(?:Straße|Strasse|Str\.|Weg|Allee|Platz|Ring|Gasse|Damm)\s+\d{1,4}\s?[a-zA-Z]?\b(?:,?\s*\d{5}\s+\p{Lu}[\p{L}-]+)?/gu
const EMAIL_LOCAL = /[\p{L}\d._%+-]/u
const EMAIL_DOMAIN = /[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/uy
const PHONE = /(?:\+\d{2}|\b00\d{2}|\b0)[\s(]*[1-9]\d{1,4}\)?(?:[\s/-]?\d{2,}){1,4}\b/gu

interface Word {
  text: string
  start: number
  end: number
}

/** Everything in `text` that looks like a pupil's personal data, in text order, never overlapping. */
export function detectPersonalData(text: string): Finding[] {
  const found: Finding[] = []
  found.push(...findEmails(text))
  for (const m of text.matchAll(STREET)) found.push(at('address', m))
  for (const m of text.matchAll(PHONE)) {
    // Seven digits at least: shorter runs are years, page numbers or prices.
    if (m[0].replace(/\D/g, '').length >= 7) found.push(at('phone', m))
  }
  for (const m of text.matchAll(DATE)) {
    if (BIRTH_CUE.test(text.slice(Math.max(0, m.index - 30), m.index))) found.push(at('birthDate', m))
  }
  found.push(...findNames(text))
  return withoutOverlaps(found)
}

// From each "@" outwards: a regular expression scanning for the local part retries at every letter of the text.
function findEmails(text: string): Finding[] {
  const found: Finding[] = []
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at
    while (start > 0 && EMAIL_LOCAL.test(text[start - 1] as string)) start--
    EMAIL_DOMAIN.lastIndex = at + 1
    const domain = EMAIL_DOMAIN.exec(text)
    if (start === at || !domain) continue
    const end = at + 1 + domain[0].length
    found.push({ kind: 'email', start, end, text: text.slice(start, end) })
  }
  return found
}

function at(kind: FindingKind, m: RegExpMatchArray): Finding {
  const start = m.index ?? 0
  return { kind, start, end: start + m[0].length, text: m[0] }
}

function findNames(text: string): Finding[] {
  const words: Word[] = []
  for (const m of text.matchAll(WORD)) words.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  const titles: Array<[number, number]> = []
  for (const m of text.matchAll(WORK_TITLES)) titles.push([m.index, m.index + m[0].length])
  titles.push(...famousNameRuns(text, words))
  const inTitle = (w: Word) => titles.some(([s, e]) => w.start >= s && w.end <= e)

  const names: Finding[] = []
  /** Start offsets of the words inside names found. */
  const covered = new Set<number>()
  const named = new Map<string, NameGender>()
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word
    if (!CAPITALISED.test(w.text) || inTitle(w)) continue
    const prev = words[i - 1]
    const next = words[i + 1]
    const afterRole = prev !== undefined && ROLE_WORDS.has(prev.text) && onlySpaceBetween(text, prev, w)
    const gender = nameGender(w.text, text, w, next)
    let isName = false
    if (gender && !AMBIGUOUS_NAMES.has(stem(w.text))) isName = !isFamous(text, w, next)
    else if (afterRole || (gender && inPupilSentence(text, w, next))) isName = looksLikeName(w.text)
    else if (gender) isName = ambiguousAsName(text, w, next, names)
    else if (inPupilSentence(text, w, next) && sentenceStart(text, w.start) && looksLikeName(w.text))
      isName = !NOUN_ENDING.test(w.text)
    if (!isName) continue
    let end = w.end
    covered.add(w.start)
    // "Lena Schmidt", "Tim M.": the surname or its initial belongs to the name.
    if (next && onlySpaceBetween(text, w, next) && COMMON_SURNAMES.has(next.text)) {
      end = next.end
      covered.add(next.start)
      i++
    } else {
      const initial = /^ \p{Lu}\./u.exec(text.slice(w.end, w.end + 3))
      if (initial) end = w.end + 3
    }
    const g = gender ?? 'u'
    named.set(stem(w.text), g)
    names.push({ kind: 'name', start: w.start, end, text: text.slice(w.start, end), gender: g })
  }
  if (named.size === 0) return names
  // A name found once is a name wherever it appears again ("Mark" after "Schüler Mark" too).
  for (const w of words) {
    const g = named.get(stem(w.text))
    if (g !== undefined && CAPITALISED.test(w.text) && !covered.has(w.start))
      names.push({ kind: 'name', start: w.start, end: w.end, text: w.text, gender: g })
  }
  return names
}

/**
 * "Johann Sebastian Bach", "Wolfgang Amadeus Mozarts": up to three first names before a famous surname
 * are one famous person (isFamous looks only at the next word).
 */
function famousNameRuns(text: string, words: readonly Word[]): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  words.forEach((w, j) => {
    const surname = w.text.replace(/s$/u, '')
    if (COMMON_SURNAMES.has(w.text) || !(FAMOUS_FOLLOWERS.has(w.text) || FAMOUS_FOLLOWERS.has(surname)))
      return
    let k = j
    while (k > 0 && j - k < 3) {
      const before = words[k - 1] as Word
      if (!onlySpaceBetween(text, before, words[k] as Word) || !FIRST_NAMES.has(before.text)) break
      k--
    }
    if (k < j - 1) runs.push([(words[k] as Word).start, w.end])
  })
  return runs
}

/** Each part a listed first name ("Ben-Luca", "Marie-Sophie"): the first part's gender. */
function hyphenatedGender(word: string): NameGender | undefined {
  const parts = word.split('-')
  if (parts.length < 2 || !parts.every((p) => FIRST_NAMES.has(p))) return undefined
  return FIRST_NAMES.get(parts[0] as string)
}

/** The listed gender of a first name, also in the genitive ("Lenas Heft") when a noun follows. */
function nameGender(word: string, text: string, w: Word, next: Word | undefined): NameGender | undefined {
  const listed = FIRST_NAMES.get(word) ?? hyphenatedGender(word)
  if (listed) {
    // "Max. 20 Minuten": the abbreviation of maximal.
    if (text[w.end] === '.' && /^\.\s*\d/.test(text.slice(w.end, w.end + 4))) return undefined
    return listed
  }
  if (word.endsWith('s') && next && CAPITALISED.test(next.text) && onlySpaceBetween(text, w, next))
    return FIRST_NAMES.get(word.slice(0, -1))
  return undefined
}

function stem(word: string): string {
  return !FIRST_NAMES.has(word) && word.endsWith('s') && FIRST_NAMES.has(word.slice(0, -1))
    ? word.slice(0, -1)
    : word
}

/** "Thomas Mann", "Otto von Bismarck", "Karl der Große": a famous person, not a pupil. */
function isFamous(text: string, w: Word, next: Word | undefined): boolean {
  if (!next || !onlySpaceBetween(text, w, next)) return false
  // "Thomas Manns Buddenbrooks"; a surname pupils often have too ("Moritz Keller") is a pupil.
  const surname = next.text.replace(/s$/u, '')
  const famous = FAMOUS_FOLLOWERS.has(next.text) || FAMOUS_FOLLOWERS.has(surname)
  if (famous && !COMMON_SURNAMES.has(next.text)) return true
  const after = text.slice(next.end, next.end + 20)
  if (/^(?:von|van|de|da|di)$/u.test(next.text)) return /^\s+\p{Lu}/u.test(after)
  // "Karl der Große", "Friedrich den Großen", "Nathan der Weise", "Katharina die Große".
  if (/^(?:der|den|dem|des)$/u.test(next.text)) return /^\s+\p{Lu}\p{Ll}*(?:e|en)\b/u.test(after)
  if (next.text === 'die') return /^\s+Großen?\b/u.test(after)
  return /^\s+[IVX]+\.(?:\s|$)/u.test(text.slice(w.end, w.end + 8))
}

// Stronger cues than CONTEXT_WORDS: "Klasse" alone does not make "Mark" in "Deutsche Mark" a pupil.
const STRONG_CONTEXT =
  /\b(?:Förderplan|Förderbedarf|Diagnose|Note|Noten|LRS|ADHS|Zeugnis|Attest|Fehlstunden|Nachteilsausgleich)\b/u

/** "Mark" or "Can" is a pupil when a surname follows, beside another pupil's name, or in a sentence about support. */
function ambiguousAsName(text: string, w: Word, next: Word | undefined, names: readonly Finding[]): boolean {
  if (next && onlySpaceBetween(text, w, next) && COMMON_SURNAMES.has(next.text)) return true
  const last = names[names.length - 1]
  if (last && /^(?:\s*,\s*|\s+und\s+|\s*&\s*)$/u.test(text.slice(last.end, w.start))) return true
  if (next && /^(?:\s*,\s*|\s+und\s+)$/u.test(text.slice(w.end, next.start)) && FIRST_NAMES.has(next.text))
    return !AMBIGUOUS_NAMES.has(next.text)
  if (isFamous(text, w, next) || sentenceStart(text, w.start)) return false
  return STRONG_CONTEXT.test(sentenceAround(text, w.start))
}

/** The word is the subject of a verb like "hat" in a sentence about grades, diagnoses or support. */
function inPupilSentence(text: string, w: Word, next: Word | undefined): boolean {
  if (NOT_NAMES.has(w.text)) return false
  const followedByVerb = next !== undefined && CONTEXT_VERBS.has(next.text) && onlySpaceBetween(text, w, next)
  const followedByRelative = /^,\s+(?:der|die)\b/u.test(text.slice(w.end, w.end + 8))
  if (!followedByVerb && !followedByRelative) return false
  return CONTEXT_WORDS.test(sentenceAround(text, w.start))
}

function looksLikeName(word: string): boolean {
  return word.length >= 2 && word.length <= 20 && !NOT_NAMES.has(word) && !/\d/.test(word)
}

function sentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index)
  return index === 0 || /(?:[.!?:]\s+|\n\s*|^\s*)$/u.test(before)
}

function sentenceAround(text: string, index: number): string {
  const from = Math.max(text.lastIndexOf('.', index), text.lastIndexOf('\n', index), index - 200, 0)
  let to = text.slice(index).search(/[.!?\n]/u)
  if (to < 0 || to > 200) to = Math.min(200, text.length - index)
  return text.slice(from, index + to)
}

function onlySpaceBetween(text: string, a: Word, b: Word): boolean {
  return /^ +$/u.test(text.slice(a.end, b.start))
}

function withoutOverlaps(found: Finding[]): Finding[] {
  // Longer findings first at the same start, so an address beats the name inside it.
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: Finding[] = []
  for (const f of sorted) {
    const last = kept[kept.length - 1]
    if (last && f.start < last.end) continue
    kept.push(f)
  }
  return kept
}
