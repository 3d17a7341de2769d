import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ArtifactVersion } from '../../data/index.ts'
import { MaterialBody } from './MaterialBody.tsx'

const version = (format: string, body: string): ArtifactVersion => ({
  id: 'v1',
  version: 1,
  format,
  body,
  createdAt: 0,
})

describe('MaterialBody', () => {
  it('renders a Markdown body with the safe renderer, tables included and raw HTML dropped', async () => {
    const { container } = render(
      <MaterialBody
        version={version('markdown', '| A | B |\n|---|---|\n| 1 | 2 |\n\n<img src=x onerror=alert(1)>')}
      />,
    )
    expect(await screen.findByRole('table')).toBeInTheDocument()
    expect(container.querySelector('img, [onerror]')).toBeNull()
  })

  it('shows any other format as preformatted text, Markdown and HTML left as written', () => {
    const body = '# Kein Titel\n<b>nicht fett</b>'
    const { container } = render(<MaterialBody version={version('text', body)} />)
    const pre = container.querySelector('pre')
    expect(pre).toHaveTextContent('# Kein Titel <b>nicht fett</b>', { normalizeWhitespace: true })
    expect(container.querySelector('h1, b')).toBeNull()
  })
})
