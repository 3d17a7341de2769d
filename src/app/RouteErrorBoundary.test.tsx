import { fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSettings } from '../state/settings-store.ts'
import { RouteErrorBoundary } from './RouteErrorBoundary.tsx'

let broken = true
function Flaky() {
  if (broken) throw new Error('kaputt')
  return <p>Seite geladen</p>
}

describe('RouteErrorBoundary', () => {
  beforeEach(() => {
    useSettings.setState({ language: 'de' })
    // React reports caught render errors on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => vi.restoreAllMocks())

  it('shows a German error with a retry that renders the route again', () => {
    broken = true
    render(
      <RouteErrorBoundary>
        <Flaky />
      </RouteErrorBoundary>,
    )
    expect(screen.getByRole('heading', { name: 'Hier ist etwas schiefgegangen.' })).toBeInTheDocument()
    expect(screen.getByText('Ein unerwarteter Fehler ist aufgetreten.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Zur Startseite' })).toHaveAttribute('href', '/')
    broken = false
    fireEvent.click(screen.getByRole('button', { name: 'Erneut versuchen' }))
    expect(screen.getByText('Seite geladen')).toBeInTheDocument()
  })
})
