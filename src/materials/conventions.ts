// How a material's Markdown body marks what print and DOCX lay out specially. The model is told these
// conventions (server/assistant/prompts); the print view, the DOCX export and the reading level read
// them. Pure.
//
// - A task is a level-2 heading that starts with "Aufgabe", "Task", "Frage" or "Question" and a number.
// - `{{lines:N}}` alone on a line is room for N handwritten lines (answer lines).
// - The answer key is everything from a level-2 heading "Lösungen" / "Lösung" / "Lösungsteil" /
//   "Answer key" / "Solutions" to the end.

export const ANSWER_LINES = /^\{\{\s*lines\s*:\s*(\d{1,2})\s*\}\}\s*$/
const ANSWER_KEY_HEADING = /^##\s+(lösungen|lösung|lösungsteil|lösungsblatt|answer key|solutions?)\b.*$/im
export const TASK_HEADING = /^##\s+(aufgabe|task|frage|question)\s+\d+/i

/** The number of answer lines a line asks for, or null when it is no marker. Capped at 20. */
export function answerLineCount(line: string): number | null {
  const m = ANSWER_LINES.exec(line.trim())
  return m ? Math.min(20, Math.max(1, Number(m[1]))) : null
}

/** The body split at the answer key heading; `answerKey` includes that heading. */
export function splitAnswerKey(body: string): { main: string; answerKey: string | null } {
  const m = ANSWER_KEY_HEADING.exec(body)
  if (!m) return { main: body, answerKey: null }
  return { main: body.slice(0, m.index).trimEnd(), answerKey: body.slice(m.index).trim() }
}

/** The text to show where a renderer does not draw lines (chat, plain Markdown): a short rule. */
export function answerLinesAsText(body: string): string {
  return body
    .split('\n')
    .map((line) => {
      const n = answerLineCount(line)
      return n === null ? line : Array.from({ length: n }, () => '\\_'.repeat(30)).join('  \n')
    })
    .join('\n')
}
