// What the model is told about materials: when a reply is a material and how to hand it over (the
// tools, or a delimited block for a model without them), the Markdown conventions print and export
// read (src/materials/conventions.ts), the conversation's materials to revise, and a material request.

import type { MaterialIntent } from '../../../src/materials/intent.ts'
import { MATERIAL_KINDS } from '../../../src/materials/kinds/index.ts'
import { levelById } from '../../../src/materials/levels.ts'
import type { KnownMaterial } from '../materials/material-context.ts'
import { CREATE_TOOL, REVISE_TOOL } from '../materials/tool-schema.ts'

/** How the model hands over a material: function calls, or blocks in its text. */
export type MaterialMode = 'tools' | 'blocks'

const CONVENTIONS = [
  'Schreib den Inhalt eines Materials in Markdown nach diesen Regeln (Druck und Word-Export lesen sie):',
  '- Jede Aufgabe ist eine Überschrift der Ebene 2: "## Aufgabe 1: …", "## Aufgabe 2: …".',
  '- Platz für handschriftliche Antworten: eine eigene Zeile "{{lines:N}}" (N Zeilen, höchstens 20).',
  '- Lösungen stehen am Ende unter der Überschrift "## Lösungen" (für Arbeitsblätter, Tests, Quizze, Aufgaben).',
  '- Keine Namen oder Daten echter Schülerinnen und Schüler.',
].join('\n')

function kinds(): string {
  return MATERIAL_KINDS.map((k) => `- ${k.id}: ${k.guidance}`).join('\n')
}

export function materialInstructions(mode: MaterialMode): string {
  if (mode === 'tools')
    return [
      'Materialien (Arbeitsblatt, Unterrichtsentwurf, Quiz, Test, Aufgaben mit Lösungen, Bewertungsraster,',
      `Elternbrief …) legst du mit der Funktion ${CREATE_TOOL} an, nicht im Antworttext. Schreib im Text nur`,
      'ein, zwei Sätze dazu. Soll ein Material aus diesem Gespräch geändert werden, ruf',
      `${REVISE_TOOL} mit seiner id und der ganzen neuen Fassung auf, statt ein neues anzulegen.`,
      CONVENTIONS,
    ].join('\n')
  return [
    'Materialien (Arbeitsblatt, Unterrichtsentwurf, Quiz, Test, Aufgaben mit Lösungen, Bewertungsraster,',
    'Elternbrief …) schreibst du als abgegrenzten Block in deine Antwort, genau so:',
    ':::material {"kind":"worksheet","title":"Titel","subject":"Fach","grade":"7"}',
    '(der ganze Inhalt in Markdown)',
    ':::',
    'Die Kopfzeile ist JSON auf einer Zeile; kind ist eine dieser Arten:',
    kinds(),
    'Für eine Variante kommen "variantOf" (id des Originals) und "level" in die Kopfzeile.',
    'Soll ein Material aus diesem Gespräch geändert werden, schreib einen Block mit',
    '{"artifactId":"…","note":"was sich geändert hat"} als Kopfzeile und der ganzen neuen Fassung.',
    CONVENTIONS,
  ].join('\n')
}

/**
 * The conversation's materials, newest first: id, kind, title and latest version, with the body as
 * long as `budgetChars` reaches (the rest are listed without it).
 */
export function knownMaterials(materials: KnownMaterial[], budgetChars: number): string | undefined {
  if (!materials.length) return undefined
  let left = budgetChars
  const parts = materials.map((m) => {
    const level = m.level ? `, Niveau ${m.level}` : ''
    const head = `### Material id=${m.id} (${m.kind}${level}, Version ${m.latestVersion}): ${m.title}`
    if (m.body.length > left) return `${head}\n(Inhalt zu lang für diesen Überblick)`
    left -= m.body.length
    return `${head}\n${m.body}`
  })
  return ['Materialien in diesem Gespräch (zum Überarbeiten die id verwenden):', ...parts].join('\n\n')
}

/** What a request sent from a material's view asks for, spelled out. */
export function intentInstructions(
  intent: MaterialIntent,
  target: KnownMaterial,
  mode: MaterialMode,
): string {
  const about = `das Material id=${target.id} „${target.title}“ (Version ${target.latestVersion})`
  if (intent.type === 'revise')
    return mode === 'tools'
      ? `Diese Anfrage betrifft ${about}. Überarbeite es mit ${REVISE_TOOL} (artifactId "${target.id}"), ` +
          'mit der ganzen neuen Fassung und einer kurzen note, was sich geändert hat.'
      : `Diese Anfrage betrifft ${about}. Schreib die ganze neue Fassung als Block mit ` +
          `{"artifactId":"${target.id}","note":"…"} als Kopfzeile.`
  const levels = intent.levels.map((id) => `- level "${id}": ${levelById(id)?.guidance ?? id}`)
  const how =
    mode === 'tools'
      ? `Ruf für jede Stufe ${CREATE_TOOL} einmal auf, mit variantOf "${target.id}", dem level und kind "${target.kind}".`
      : `Schreib für jede Stufe einen eigenen Block mit "variantOf":"${target.id}", dem "level" und "kind":"${target.kind}" in der Kopfzeile.`
  return [
    `Erstelle differenzierte Varianten von ${about}: dieselben Lernziele und derselbe Aufbau,`,
    'angepasst an diese Niveaus:',
    ...levels,
    how,
  ].join('\n')
}
