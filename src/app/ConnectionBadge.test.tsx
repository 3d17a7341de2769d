import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useSettings } from '../state/settings-store.ts'
import { ConnectionBadge, type Status } from './ConnectionBadge.tsx'

describe('ConnectionBadge', () => {
  const cases: [Status, string][] = [
    ['authenticated', 'Verbunden'],
    ['connecting', 'Verbinde …'],
    ['opened', 'Verbinde …'],
    ['closed', 'Keine Verbindung zum Server'],
    ['errored', 'Keine Verbindung zum Server'],
  ]
  for (const [status, text] of cases) {
    it(`says "${text}" when the connection is ${status}`, () => {
      useSettings.setState({ language: 'de' })
      render(<ConnectionBadge status={status} />)
      expect(screen.getByTestId('connection')).toHaveTextContent(text)
    })
  }

  it('speaks English when the teacher switched the language', () => {
    useSettings.setState({ language: 'en' })
    render(<ConnectionBadge status="authenticated" />)
    expect(screen.getByTestId('connection')).toHaveTextContent('Connected')
    useSettings.setState({ language: 'de' })
  })
})
