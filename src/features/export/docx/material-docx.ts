// A material as a Word document: title, the name / class / date line when the kind has one, the
// body with numbered tasks and answer lines, and the answer key as its own section on a new page
// (or left out, as the teacher chose). Lazy: only loaded when a teacher exports.

import {
  AlignmentType,
  Document,
  HeadingLevel,
  type ISectionOptions,
  Packer,
  Paragraph,
  SectionType,
  TextRun,
} from 'docx'
import { type Language, translate } from '../../../i18n/index.ts'
import type { AnswerKeyMode } from '../answer-key-mode.ts'
import type { Sheet, SheetBlock } from '../sheet.ts'
import { type DocxBlock, MarkdownToDocx, NUMBERED_LIST, numberedListLevels } from './markdown-to-docx.ts'

export interface MaterialDocxInput {
  title: string
  sheet: Sheet
  /** The language of the header line's labels. */
  language: Language
  answerKey: AnswerKeyMode
}

export function buildMaterialDocument({ title, sheet, language, answerKey }: MaterialDocxInput): Document {
  const md = new MarkdownToDocx()
  const blocks = (list: SheetBlock[]): DocxBlock[] =>
    list.flatMap((b) => (b.type === 'lines' ? md.answerLines(b.count) : md.convert(b.text)))
  const main: DocxBlock[] = [
    ...(sheet.layout.headerLine ? [headerLine(language)] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    ...sheet.parts.flatMap((part) => blocks(part.blocks)),
  ]
  const sections: ISectionOptions[] = [{ children: main }]
  if (sheet.answerKey && answerKey === 'page') {
    sections.push({ properties: { type: SectionType.NEXT_PAGE }, children: blocks(sheet.answerKey) })
  }
  return new Document({
    title,
    creator: 'eduhu.ki',
    numbering: { config: [{ reference: NUMBERED_LIST, levels: numberedListLevels }] },
    sections,
  })
}

/** The .docx file's bytes. */
export function buildMaterialDocx(input: MaterialDocxInput): Promise<Blob> {
  return Packer.toBlob(buildMaterialDocument(input))
}

function headerLine(language: Language): Paragraph {
  const field = (key: 'export.header.name' | 'export.header.class' | 'export.header.date', width: number) =>
    new TextRun(`${translate(language, key)}: ${'_'.repeat(width)}   `)
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { after: 240 },
    children: [
      field('export.header.name', 28),
      field('export.header.class', 8),
      field('export.header.date', 12),
    ],
  })
}
