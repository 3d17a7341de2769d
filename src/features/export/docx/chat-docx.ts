// A whole chat as a Word document: the title, then each message of the shown path under who wrote
// it and when, its Markdown converted like a material's. Lazy: loaded only when a teacher exports.

import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { ChatExport } from '../chat-markdown.ts'
import { MarkdownToDocx, NUMBERED_LIST, numberedListLevels } from './markdown-to-docx.ts'

export function buildChatDocument(chat: ChatExport): Document {
  const md = new MarkdownToDocx()
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(chat.title)] }),
    ...chat.messages.flatMap((m) => [
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [new TextRun(m.author), new TextRun({ text: ` · ${m.when}`, bold: false, size: 20 })],
      }),
      ...md.convert(m.text),
    ]),
  ]
  return new Document({
    title: chat.title,
    creator: 'eduhu.ki',
    numbering: { config: [{ reference: NUMBERED_LIST, levels: numberedListLevels }] },
    sections: [{ children }],
  })
}

export function buildChatDocx(chat: ChatExport): Promise<Blob> {
  return Packer.toBlob(buildChatDocument(chat))
}
