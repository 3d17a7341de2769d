// Which grade a material should read at, whether a measured level misses it, and what to tell the
// model in either case (German, like the rest of the model's instructions). Pure.

import {
  levelGap,
  MIN_WORDS,
  parseGrade,
  type TargetGrade,
  targetGrade,
} from '../../../src/materials/reading-level.ts'
import type { ReadingLevel } from './measure.ts'

// The target and the fit are shared with the app, which shows them on every material.
export { levelGap, MIN_WORDS, parseGrade, type TargetGrade, targetGrade }

// A grade named in a request: "für Klasse 6", "6. Klasse", "Jahrgangsstufe 8", "Jg. 7/8", "Q1",
// "grade 7", "year 9", "7th grade". A bare number ("3 Aufgaben") is no grade.
const REQUESTED_GRADE = new RegExp(
  [
    String.raw`\b(?:klassen(?:stufe)?|klasse|jahrgangs?stufe|jahrgang|jg\.|stufe|grade|year)\s*(\d{1,2}(?:\s*[/–-]\s*\d{1,2})?)\b`,
    String.raw`\b(\d{1,2})\.\s*(?:klasse|klassenstufe|jahrgangsstufe|schuljahr)`,
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)\s+grade`,
    String.raw`\b(q\s?[12]|ef|einführungsphase|oberstufe)\b`,
  ].join('|'),
  'i',
)

/** The grade a teacher's request names, as text for parseGrade; undefined when it names none. */
export function requestedGrade(text: string): string | undefined {
  const m = REQUESTED_GRADE.exec(text)
  const found = m?.slice(1).find(Boolean)
  return found && parseGrade(found) !== null ? found : undefined
}

/** True when the worker should ask the model once more (see levelGap). */
export function missesTarget(measured: ReadingLevel, target: TargetGrade | null): boolean {
  return levelGap(measured, target) !== null
}

// Typical sentence length and share of words over six letters in German school texts written for
// each grade (our corpus, corpus/de, per-grade means, smoothed and rounded).
const GERMAN_STYLE: Record<number, [wordsPerSentence: number, longWordPercent: number]> = {
  1: [5, 10],
  2: [6, 12],
  3: [7, 16],
  4: [8, 20],
  5: [10, 24],
  6: [11, 26],
  7: [12, 30],
  8: [12, 32],
  9: [14, 34],
  10: [15, 38],
  11: [16, 40],
  12: [18, 43],
  13: [18, 45],
}

// English: a sentence length that grows with the grade, and the syllables per word that Flesch–Kincaid
// then needs for the grade.
function englishStyle(grade: number): [wordsPerSentence: number, syllablesPerWord: number] {
  const wps = Math.min(22, Math.round(8 + 0.8 * grade))
  return [wps, Math.round(((grade + 15.59 - 0.39 * wps) / 11.8) * 100) / 100]
}

function germanStyle(grade: number): [number, number] {
  return GERMAN_STYLE[Math.min(13, Math.max(1, Math.round(grade)))]!
}

const de = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 1 })

/** One paragraph for the system prompt: the target level in the terms it will be measured by. */
export function targetLevelPrompt(target: TargetGrade, language: 'de' | 'en'): string {
  const grade = de(target.grade)
  if (language === 'en') {
    const [wps, spw] = englishStyle(target.grade)
    return (
      `Zielniveau: Klasse ${grade}. Englische Lesetexte und Aufgabenstellungen werden nach dem Schreiben mit dem ` +
      `Flesch-Kincaid-Grade gemessen (Ergebnis ≈ Klassenstufe); liegt er mehr als eine Stufe daneben, wird überarbeitet. ` +
      `Richtwerte: im Schnitt etwa ${wps} Wörter je Satz und ${de(spw)} Silben je Wort.`
    )
  }
  const [wps, long] = germanStyle(target.grade)
  return (
    `Zielniveau: Klasse ${grade}${target.easierIsFine ? ' oder leichter' : ''}. Lesetexte und Aufgabenstellungen ` +
    `werden nach dem Schreiben mit der Wiener Sachtextformel gemessen (auf Klassenstufen umgerechnet, die Satzlänge zählt stark; Überschriften, ` +
    `Tabellen, Formeln und Lösungen zählen nicht); liegt sie mehr als eine Stufe daneben, wird überarbeitet. ` +
    `Richtwerte: im Schnitt etwa ${wps} Wörter je Satz, höchstens etwa ${long} % Wörter mit mehr als sechs Buchstaben.`
  )
}

/**
 * The concrete advice for a second attempt, in German: measured and target level, the two numbers the
 * formula reacts to most (sentence length, long words or syllables) with values to aim for, and how.
 */
export function levelGuidance(measured: ReadingLevel, target: TargetGrade): string {
  const gap = levelGap(measured, target)
  const formula =
    measured.formula === 'wstf'
      ? 'der Wiener Sachtextformel (mit der Satzlänge auf Klassen umgerechnet)'
      : 'dem Flesch-Kincaid-Grade'
  const head =
    `Das Material liegt nach ${formula} bei Klassenstufe ${de(measured.grade ?? 0)}, ` +
    `Ziel ist Klasse ${de(target.grade)}${target.easierIsFine ? ' oder leichter' : ''}. ` +
    `Überarbeite die Lesetexte und Aufgabenstellungen (Überschriften, Tabellen, Formeln und Lösungen zählen nicht); ` +
    `Inhalt, Aufgaben und Lösungen bleiben fachlich gleich.`
  if (gap === null) return `${head} Das Niveau passt; ändere es nicht.`
  const wordAdvice =
    measured.formula === 'wstf'
      ? germanWordAdvice(measured, target, gap)
      : englishWordAdvice(measured, target, gap)
  const [wps] = measured.formula === 'wstf' ? germanStyle(target.grade) : englishStyle(target.grade)
  if (gap === 'too-hard') {
    return [
      head,
      `- Kürzere Sätze: jetzt im Schnitt ${de(measured.wordsPerSentence)} Wörter je Satz, Ziel höchstens etwa ${wps}. ` +
        'Teile Satzgefüge in Hauptsätze, ein Gedanke pro Satz; Einschübe werden eigene Sätze.',
      wordAdvice,
      '- Verben statt Nominalisierungen („bei der Durchführung des Versuchs“ → „wenn du den Versuch machst“), Aktiv statt Passiv, die Schülerinnen und Schüler direkt ansprechen.',
    ].join('\n')
  }
  return [
    head,
    `- Längere, verbundene Sätze: jetzt im Schnitt ${de(measured.wordsPerSentence)} Wörter je Satz, Ziel etwa ${wps}. ` +
      'Verbinde Gedanken mit Nebensätzen (weil, obwohl, sodass, nachdem) statt jeden Gedanken einzeln zu setzen.',
    wordAdvice,
    '- Verlange mehr eigenes Denken in den Aufgaben: begründen, vergleichen, beurteilen statt nur nennen.',
  ].join('\n')
}

function germanWordAdvice(measured: ReadingLevel, target: TargetGrade, gap: 'too-hard' | 'too-easy'): string {
  const [, long] = germanStyle(target.grade)
  const now = `jetzt ${de(measured.longWordPercent)} % der Wörter mit mehr als sechs Buchstaben`
  return gap === 'too-hard'
    ? `- Weniger lange Wörter: ${now}, Ziel höchstens etwa ${long} %. Löse Zusammensetzungen auf („Wasserkreislauf“ → ` +
        '„der Kreislauf des Wassers“), ersetze Fremdwörter durch bekannte Wörter, erkläre nötige Fachbegriffe in einem eigenen kurzen Satz.'
    : `- Fachsprache der Klassenstufe: ${now}, üblich sind etwa ${long} %. Verwende die passenden Fachbegriffe statt Umschreibungen.`
}

function englishWordAdvice(
  measured: ReadingLevel,
  target: TargetGrade,
  gap: 'too-hard' | 'too-easy',
): string {
  const [, spw] = englishStyle(target.grade)
  const now = `jetzt ${de(measured.syllablesPerWord)} Silben je Wort`
  return gap === 'too-hard'
    ? `- Kürzere Wörter: ${now}, Ziel höchstens etwa ${de(spw)}. Alltägliche kurze Wörter statt lateinischer ` +
        '(„use“ statt „utilize“, „help“ statt „facilitate“); nötige Fachwörter in einem eigenen kurzen Satz erklären.'
    : `- Fachsprache der Klassenstufe: ${now}, üblich sind etwa ${de(spw)}. Verwende die passenden Fachbegriffe.`
}
