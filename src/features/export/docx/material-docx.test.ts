import { Packer } from 'docx'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { layoutOf, toSheet } from '../sheet.ts'
import { buildChatDocument } from './chat-docx.ts'
import { buildMaterialDocument } from './material-docx.ts'

const BODY = `Lies den Text über **Brüche**.

## Aufgabe 1

Kürze 4/8.
{{lines:3}}

## Aufgabe 2

| Bruch | gekürzt |
|---|---|
| 6/9 | ? |

1. erst teilen
2. dann prüfen

<script>alert(1)</script>

## Lösungen

1. 1/2
2. 2/3`

async function documentXml(doc: ReturnType<typeof buildMaterialDocument>): Promise<string> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc))
  return zip.file('word/document.xml')!.async('string')
}

const texts = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|')

describe('buildMaterialDocument', () => {
  it('writes the header line, title, tasks, answer lines, a table, a list and the answer key on a new page', async () => {
    const sheet = toSheet(BODY, layoutOf('worksheet'))
    const xml = await documentXml(
      buildMaterialDocument({ title: 'Brüche kürzen', sheet, language: 'de', answerKey: 'page' }),
    )
    const text = texts(xml)
    expect(text).toContain('Name: ')
    expect(text).toContain('Klasse: ')
    expect(text).toContain('Datum: ')
    expect(text).toContain('Brüche kürzen')
    expect(text).toContain('Aufgabe 1')
    expect(text).toContain('Aufgabe 2')
    expect(text).toContain('Brüche')
    expect(text).toContain('6/9')
    expect(text).toContain('Lösungen')
    expect(text).toContain('2/3')
    expect(xml).toContain('<w:tbl>')
    expect(xml).toContain('<w:numPr>')
    // The raw HTML is text, never markup.
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    // Three ruled answer lines.
    expect(xml.match(/<w:pBdr><w:bottom [^>]*w:color="808080"/g)).toHaveLength(3)
    // The answer key starts a section on a new page.
    expect(xml).toMatch(/<w:type w:val="nextPage"\/>/)
    expect(text.indexOf('Lösungen')).toBeGreaterThan(text.indexOf('Aufgabe 2'))
  })

  it('leaves the answer key out when the teacher chose so, and the header line where the kind has none', async () => {
    const sheet = toSheet(BODY, layoutOf('worksheet'))
    const omitted = texts(
      await documentXml(buildMaterialDocument({ title: 'T', sheet, language: 'en', answerKey: 'omit' })),
    )
    expect(omitted).not.toContain('Lösungen')
    expect(omitted).toContain('Class: ')
    const letter = toSheet('Liebe Eltern,\n\nam Montag …', layoutOf('parent-letter'))
    const text = texts(
      await documentXml(
        buildMaterialDocument({ title: 'Brief', sheet: letter, language: 'de', answerKey: 'page' }),
      ),
    )
    expect(text).not.toContain('Name: ')
    expect(text).toContain('Liebe Eltern,')
  })
})

describe('buildChatDocument', () => {
  it('writes every message under its author', async () => {
    const xml = await documentXml(
      buildChatDocument({
        title: 'Bruchrechnung',
        messages: [
          { author: 'Du', when: '1. Dez. 2026, 10:00', text: 'Mach ein Quiz' },
          { author: 'eduhu.ki', when: '1. Dez. 2026, 10:01', text: '## Quiz\n\n- Frage *eins*' },
        ],
      }),
    )
    const text = texts(xml)
    expect(text).toContain('Bruchrechnung')
    expect(text).toContain('Mach ein Quiz')
    expect(text).toContain('eduhu.ki')
    expect(text).toContain('Frage |eins')
  })
})
