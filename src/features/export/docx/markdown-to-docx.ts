// Markdown (CommonMark + GFM tables, as the app renders it) → `docx` paragraphs and tables: headings,
// emphasis, lists (numbered lists restart), tables, code, quotes, answer lines as ruled paragraphs.
// Raw HTML in the text stays literal text, never markup. Loaded lazily with the rest of docx/.

import {
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  type ILevelsOptions,
  LevelFormat,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { Table as MdTable, Nodes, PhrasingContent, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { answerLineCount } from '../../../materials/conventions.ts'
import { safeHref } from './safe-href.ts'

export type DocxBlock = Paragraph | Table

export const NUMBERED_LIST = 'numbered-list'

/** The numbering config the document must carry for numbered lists. */
export const numberedListLevels: ILevelsOptions[] = Array.from({ length: 4 }, (_, level) => ({
  level,
  format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN, LevelFormat.DECIMAL][
    level
  ]!,
  text: `%${level + 1}.`,
  style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
}))

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const

interface Marks {
  bold?: boolean
  italics?: boolean
  strike?: boolean
  code?: boolean
}

/** Converts Markdown to docx blocks. `lists` numbers each numbered list as its own instance. */
export class MarkdownToDocx {
  private listInstance = 0
  private readonly parser = unified().use(remarkParse).use(remarkGfm)

  convert(markdown: string): DocxBlock[] {
    const tree = this.parser.parse(markdown)
    return tree.children.flatMap((node) => this.block(node, 0))
  }

  /** Ruled, empty paragraphs to write on. */
  answerLines(count: number): Paragraph[] {
    return Array.from(
      { length: count },
      () =>
        new Paragraph({
          children: [new TextRun('')],
          spacing: { before: 320, after: 0 },
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } },
        }),
    )
  }

  private block(node: RootContent, depth: number): DocxBlock[] {
    switch (node.type) {
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[node.depth - 1], children: this.inline(node.children) })]
      case 'paragraph': {
        const marker = answerLineCount(plainText(node))
        if (marker !== null) return this.answerLines(marker)
        return [new Paragraph({ children: this.inline(node.children), spacing: { after: 120 } })]
      }
      case 'list':
        return this.list(node.ordered === true, node.children, depth)
      case 'table':
        return [this.table(node)]
      case 'code':
        return node.value
          .split('\n')
          .map(
            (line) =>
              new Paragraph({ children: [new TextRun({ text: line, font: 'Courier New', size: 20 })] }),
          )
      case 'blockquote':
        return node.children.flatMap((child) =>
          child.type === 'paragraph'
            ? [
                new Paragraph({
                  children: this.inline(child.children, { italics: true }),
                  indent: { left: 567 },
                  spacing: { after: 120 },
                }),
              ]
            : this.block(child, depth),
        )
      case 'thematicBreak':
        return [
          new Paragraph({
            children: [],
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } },
          }),
        ]
      case 'html':
        return [new Paragraph({ children: [new TextRun(node.value)] })]
      default:
        return 'children' in node
          ? (node.children as RootContent[]).flatMap((c) => this.block(c, depth))
          : 'value' in node
            ? [new Paragraph({ children: [new TextRun(String(node.value))] })]
            : []
    }
  }

  private list(ordered: boolean, items: RootContent[], depth: number): DocxBlock[] {
    const instance = ordered ? ++this.listInstance : 0
    const level = Math.min(depth, 3)
    return items.flatMap((item) => {
      if (item.type !== 'listItem') return this.block(item, depth)
      return item.children.flatMap((child, i) => {
        if (child.type === 'list') return this.list(child.ordered === true, child.children, depth + 1)
        if (child.type !== 'paragraph' || i > 0) return this.block(child, depth + 1)
        const checkbox = item.checked == null ? [] : [new TextRun(item.checked ? '☒ ' : '☐ ')]
        const children = [...checkbox, ...this.inline(child.children)]
        return [
          ordered
            ? new Paragraph({ children, numbering: { reference: NUMBERED_LIST, level, instance } })
            : new Paragraph({ children, bullet: { level } }),
        ]
      })
    })
  }

  private table(node: MdTable): Table {
    const columns = Math.max(1, ...node.children.map((r) => r.children.length))
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: node.children.map(
        (row, r) =>
          new TableRow({
            tableHeader: r === 0,
            children: Array.from(
              { length: columns },
              (_, c) =>
                new TableCell({
                  width: { size: Math.floor(100 / columns), type: WidthType.PERCENTAGE },
                  children: [
                    new Paragraph({
                      children: this.inline(row.children[c]?.children ?? [], r === 0 ? { bold: true } : {}),
                    }),
                  ],
                }),
            ),
          }),
      ),
    })
  }

  private inline(nodes: PhrasingContent[], marks: Marks = {}): ParagraphChild[] {
    return nodes.flatMap((node): ParagraphChild[] => {
      switch (node.type) {
        case 'text':
          return [run(node.value, marks)]
        case 'strong':
          return this.inline(node.children, { ...marks, bold: true })
        case 'emphasis':
          return this.inline(node.children, { ...marks, italics: true })
        case 'delete':
          return this.inline(node.children, { ...marks, strike: true })
        case 'inlineCode':
          return [run(node.value, { ...marks, code: true })]
        case 'break':
          return [new TextRun({ text: '', break: 1 })]
        case 'link': {
          const href = safeHref(node.url)
          const children = this.inline(node.children, marks)
          return href ? [new ExternalHyperlink({ link: href, children })] : children
        }
        case 'image':
          return [run(node.alt ? `[${node.alt}]` : '', marks)]
        case 'html':
          return [run(node.value, marks)]
        default:
          return 'children' in node
            ? this.inline(node.children as PhrasingContent[], marks)
            : 'value' in node
              ? [run(String(node.value), marks)]
              : []
      }
    })
  }
}

function run(text: string, m: Marks): TextRun {
  return new TextRun({
    text,
    bold: m.bold,
    italics: m.italics,
    strike: m.strike,
    ...(m.code ? { font: 'Courier New' } : {}),
  })
}

function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('')
  return ''
}
