import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { MessageMaterial } from '../../data/index.ts'
import type { MaterialDraft } from '../../materials/draft.ts'
import { MessageMaterials } from './MessageMaterials.tsx'

const CHAT = '0d5a4f8e-1c2b-4a3d-9e8f-7a6b5c4d3e2f'
const ARTIFACT = '1e6b4f8e-1c2b-4a3d-9e8f-7a6b5c4d3e2f'

const done = (version: number, extra: Partial<MessageMaterial['artifact']> = {}): MessageMaterial => ({
  versionId: `v${version}`,
  version,
  status: 'done',
  artifact: { id: ARTIFACT, title: 'Brüche addieren', kind: 'worksheet', ...extra },
})

describe('MessageMaterials', () => {
  it('shows nothing for a reply without materials', () => {
    const { container } = render(<MessageMaterials conversationId={CHAT} drafts={[]} materials={[]} />)
    expect(container).toBeEmptyDOMElement()
  })

  it('shows a written material with its kind and a link that opens it beside the chat', () => {
    render(<MessageMaterials conversationId={CHAT} drafts={[]} materials={[done(1)]} />)
    expect(screen.getByText('Arbeitsblatt')).toBeInTheDocument()
    const open = screen.getByRole('link', { name: 'Öffnen: Brüche addieren' })
    expect(open).toHaveAttribute('href', `/c/${CHAT}/m/${ARTIFACT}`)
    expect(screen.queryByText('Version 1')).toBeNull()
  })

  it('names a revision by its version and a variant by its level', () => {
    render(<MessageMaterials conversationId={CHAT} drafts={[]} materials={[done(3, { level: 'daz' })]} />)
    expect(screen.getByText('Version 3')).toBeInTheDocument()
    expect(screen.getByText('DaZ (Deutsch als Zweitsprache)')).toBeInTheDocument()
  })

  it('shows a draft being written with its body so far, a revision draft with a way to the material', () => {
    const drafts: MaterialDraft[] = [
      {
        callId: 'c1',
        action: 'create',
        kind: 'quiz',
        title: 'Quiz Brüche',
        body: '## Frage 1\nWas ist 1/2?',
      },
      { callId: 'c2', action: 'revise', artifactId: ARTIFACT, body: '' },
    ]
    render(<MessageMaterials conversationId={CHAT} drafts={drafts} materials={[]} />)
    expect(screen.getByText('Wird geschrieben …')).toBeInTheDocument()
    expect(screen.getByText('Quiz')).toBeInTheDocument()
    expect(screen.getByText('Überarbeitung wird geschrieben …')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Öffnen: Neues Material' })).toHaveAttribute(
      'href',
      `/c/${CHAT}/m/${ARTIFACT}`,
    )
  })
})
