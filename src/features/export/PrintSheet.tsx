// A material as a sheet of paper: the name / class / date line, the title, the parts with each
// numbered task in one unbreakable block, ruled answer lines, and the answer key on a page of its
// own or left out. The body goes through the app's safe Markdown renderer (never raw HTML).

import { type Language, translate } from '../../i18n/index.ts'
import { Markdown } from '../markdown/index.ts'
import type { AnswerKeyMode } from './answer-key-mode.ts'
import type { Sheet, SheetBlock } from './sheet.ts'

export interface PrintSheetProps {
  title: string
  sheet: Sheet
  /** The material's language: the header line's labels follow it. */
  language: Language
  answerKey: AnswerKeyMode
}

export function PrintSheet({ title, sheet, language, answerKey }: PrintSheetProps) {
  const label = (key: Parameters<typeof translate>[1]) => translate(language, key)
  return (
    <article className="print-sheet" lang={language} data-testid="print-sheet">
      {sheet.layout.headerLine && (
        <p className="print-sheet__header" data-testid="print-header">
          <span>{label('export.header.name')}:</span>
          <span className="print-sheet__blank print-sheet__blank--wide" />
          <span>{label('export.header.class')}:</span>
          <span className="print-sheet__blank" />
          <span>{label('export.header.date')}:</span>
          <span className="print-sheet__blank" />
        </p>
      )}
      <h1 className="print-sheet__title">{title}</h1>
      {sheet.parts.map((part, i) => (
        <section
          // Parts never move: the sheet is rebuilt from the body as a whole.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          className={part.isTask ? 'print-sheet__task' : 'print-sheet__part'}
        >
          <Blocks blocks={part.blocks} language={language} />
        </section>
      ))}
      {sheet.answerKey && answerKey === 'page' && (
        <section className="print-sheet__answer-key" data-testid="print-answer-key">
          <Blocks blocks={sheet.answerKey} language={language} />
        </section>
      )}
    </article>
  )
}

function Blocks({ blocks, language }: { blocks: SheetBlock[]; language: Language }) {
  return blocks.map((block, i) =>
    block.type === 'lines' ? (
      <div
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks are rebuilt as a whole, never reordered
        key={i}
        className="print-sheet__lines"
        role="img"
        aria-label={translate(language, 'export.lines', { count: block.count })}
      >
        {Array.from({ length: block.count }, (_, n) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: identical empty lines
          <div key={n} className="print-sheet__line" data-testid="answer-line" />
        ))}
      </div>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: blocks are rebuilt as a whole, never reordered
      <Markdown key={i} text={block.text} />
    ),
  )
}
