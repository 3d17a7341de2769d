// The levels a differentiated variant can have. Stored in `artifacts.level`; the guidance goes to the
// model when the teacher asks for variants.

export interface VariantLevel {
  id: string
  label: { de: string; en: string }
  guidance: string
}

export const VARIANT_LEVELS: readonly VariantLevel[] = [
  {
    id: 'A',
    label: { de: 'Niveau A (grundlegend)', en: 'Level A (basic)' },
    guidance: 'grundlegendes Niveau: kürzere Sätze, Hilfen und Beispiele, weniger Teilschritte je Aufgabe',
  },
  {
    id: 'B',
    label: { de: 'Niveau B (mittel)', en: 'Level B (standard)' },
    guidance: 'mittleres Niveau: wie das Original, mit einer Hilfe bei der schwersten Aufgabe',
  },
  {
    id: 'C',
    label: { de: 'Niveau C (erweitert)', en: 'Level C (advanced)' },
    guidance: 'erweitertes Niveau: offenere Aufgaben, Transfer und Begründung, weniger Hilfen',
  },
  {
    id: 'daz',
    label: { de: 'DaZ (Deutsch als Zweitsprache)', en: 'German as a second language' },
    guidance:
      'für Deutsch als Zweitsprache: einfache Satzstrukturen, Wortschatzhilfen (Wortliste mit Artikeln), Satzanfänge als Hilfe',
  },
  {
    id: 'leichte-sprache',
    label: { de: 'Leichte Sprache', en: 'Easy language' },
    guidance:
      'in Leichter Sprache: kurze Hauptsätze, ein Gedanke pro Satz, bekannte Wörter, lange Wörter mit Mediopunkt getrennt',
  },
]

const byId = new Map(VARIANT_LEVELS.map((l) => [l.id, l]))

export function levelById(id: string): VariantLevel | undefined {
  return byId.get(id)
}
