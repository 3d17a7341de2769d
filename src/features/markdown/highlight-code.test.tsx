import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Markdown } from './Markdown.tsx'

const codeOf = (text: string) =>
  render(<Markdown text={text} />).container.querySelector('pre code') as HTMLElement

describe('code highlighting', () => {
  it('highlights the school languages, also by their short names', () => {
    const snippets: Record<string, string> = {
      python: 'def f(): return 1',
      py: 'def f(): return 1',
      java: 'public class A {}',
      js: 'const x = 1',
      html: '<p class="a">Hallo</p>',
      css: 'p { color: red; }',
      sql: 'SELECT name FROM schueler',
      php: '<?php echo "Hallo"; ?>',
      cpp: 'int main() { return 0; }',
      csharp: 'public class A {}',
      sh: 'echo "Hallo"',
    }
    for (const [lang, snippet] of Object.entries(snippets)) {
      const code = codeOf(`\`\`\`${lang}\n${snippet}\n\`\`\``)
      expect(code.classList.contains('hljs'), lang).toBe(true)
      expect(code.querySelector('[class^="hljs-"]'), lang).not.toBeNull()
    }
  })

  it('marks Python keywords and keeps the code text exactly', () => {
    const source = 'def summe(a, b):\n    return a + b  # Addition'
    const code = codeOf(`\`\`\`python\n${source}\n\`\`\``)
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('def')
    expect(code.querySelector('.hljs-comment')?.textContent).toBe('# Addition')
    expect(code.textContent).toBe(`${source}\n`)
  })

  it('leaves unknown languages and blocks without a language as plain, unchanged text', () => {
    for (const text of [
      '```brainfuck\n++[>+<-]\n```',
      '```\nplain <b>text</b>\n```',
      '```no-highlight\nx\n```',
    ]) {
      const code = codeOf(text)
      expect(code.classList.contains('hljs'), text).toBe(false)
      expect(code.children, text).toHaveLength(0)
    }
    expect(codeOf('```\nplain <b>text</b>\n```').textContent).toBe('plain <b>text</b>\n')
  })
})
