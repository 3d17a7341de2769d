// What a material kind is: its name in both languages, what the model is told about it, and how its
// body is laid out on paper and in DOCX. Pure data, read by the app (library, print, export) and by
// the assistant worker (tool schema, system prompt).

export interface MaterialKind {
  /** Stored in `artifacts.kind` and sent in the model's tool call. */
  id: string
  label: { de: string; en: string }
  /** One line for the model: when this kind fits and what its body must contain. */
  guidance: string
  layout: {
    /** Name / class / date line at the top of the printed sheet. */
    headerLine: boolean
    /** Numbered tasks (`## Aufgabe N …`), each kept on one page in print. */
    tasks: boolean
    /** `{{lines:N}}` markers become ruled answer lines (print, DOCX). */
    answerLines: boolean
    /** Has an answer key (`## Lösungen`), printed on its own page or left out. */
    answerKey: boolean
  }
}
