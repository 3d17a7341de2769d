import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Markdown } from './Markdown.tsx'

describe('Markdown', () => {
  it('renders GFM tables, highlighted code with a copy button and KaTeX math', () => {
    const { container } = render(
      <Markdown
        text={
          '| A | B |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1\n```\n\n$$\\frac{a}{b}$$\n\nInline $x^2$'
        }
      />,
    )
    expect(screen.getByRole('table')).toBeInTheDocument()
    expect(container.querySelector('pre code.hljs')).not.toBeNull()
    expect(screen.getByRole('button', { name: 'Code kopieren' })).toBeInTheDocument()
    expect(container.querySelectorAll('.katex')).toHaveLength(2)
  })

  it('drops raw HTML instead of rendering it', () => {
    const { container } = render(
      <Markdown text={'<script>alert(1)</script>\n\nok <img src=x onerror=alert(1)>'} />,
    )
    expect(container.querySelector('script, img, [onerror]')).toBeNull()
    expect(container.textContent).toContain('ok')
  })

  it('opens web links in a new tab without referrer and turns unsafe links into text', () => {
    render(
      <Markdown text={'[gut](https://example.org) [böse](javascript:alert(1)) [data](data:text/html,x)'} />,
    )
    const good = screen.getByRole('link', { name: 'gut' })
    expect(good).toHaveAttribute('target', '_blank')
    expect(good).toHaveAttribute('rel', 'noopener noreferrer nofollow')
    expect(screen.getAllByRole('link')).toHaveLength(1)
    expect(screen.getByText('böse').tagName).toBe('SPAN')
  })

  it('shows images as links, never loading them, and never nests links', () => {
    const { container } = render(
      <Markdown
        text={
          '![Tafelbild](https://example.org/t.png) [![innen](https://example.org/i.png)](https://example.org)'
        }
      />,
    )
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByRole('link', { name: 'Bild: Tafelbild' })).toHaveAttribute(
      'href',
      'https://example.org/t.png',
    )
    expect(container.querySelector('a a')).toBeNull()
  })
})
