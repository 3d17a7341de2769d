import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useSettings } from '../../state/settings-store.ts'
import { Composer } from './Composer.tsx'
import { useDraftStore } from './draft-store.ts'

const input = () => screen.getByRole('textbox', { name: 'Deine Nachricht an eduhu.ki' })
const type = (text: string) => fireEvent.change(input(), { target: { value: text } })
const flush = () => act(async () => {})

describe('Composer', () => {
  beforeEach(() => {
    localStorage.clear()
    useDraftStore.setState({ drafts: {} })
    useSettings.setState({ language: 'de', sendKey: 'enter' })
  })

  it('sends the trimmed text on Enter and clears the draft once onSend resolved', async () => {
    const onSend = vi.fn().mockResolvedValue(undefined)
    render(<Composer conversationId="c1" onSend={onSend} />)
    type('  Arbeitsblatt zur Bruchrechnung ')
    fireEvent.keyDown(input(), { key: 'Enter' })
    // The send waits for the personal-data check, which loads on demand.
    await waitFor(() => expect(onSend).toHaveBeenCalledWith('Arbeitsblatt zur Bruchrechnung'))
    await waitFor(() => expect(input()).toHaveValue(''))
    expect(useDraftStore.getState().drafts.c1).toBeUndefined()
  })

  it('keeps a line break on Shift+Enter instead of sending', () => {
    const onSend = vi.fn()
    render(<Composer conversationId="c1" onSend={onSend} />)
    type('Zeile 1')
    const notPrevented = fireEvent.keyDown(input(), { key: 'Enter', shiftKey: true })
    expect(notPrevented).toBe(true)
    expect(onSend).not.toHaveBeenCalled()
  })

  it('sends only on Ctrl+Enter when the setting says "Strg+Enter sendet"', async () => {
    useSettings.setState({ sendKey: 'ctrl-enter' })
    const onSend = vi.fn().mockResolvedValue(undefined)
    render(<Composer conversationId="c1" onSend={onSend} />)
    type('Quiz')
    fireEvent.keyDown(input(), { key: 'Enter' })
    expect(onSend).not.toHaveBeenCalled()
    fireEvent.keyDown(input(), { key: 'Enter', ctrlKey: true })
    await waitFor(() => expect(onSend).toHaveBeenCalledWith('Quiz'))
  })

  it('keeps the draft and says so when sending fails', async () => {
    const onSend = vi.fn().mockRejectedValue(new Error('offline'))
    render(<Composer conversationId="c1" onSend={onSend} />)
    type('Elternbrief')
    fireEvent.click(screen.getByRole('button', { name: 'Senden' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Senden hat nicht geklappt'))
    expect(input()).toHaveValue('Elternbrief')
  })

  it('shows the counter near the limit and blocks sending above 8000 characters', async () => {
    const onSend = vi.fn()
    render(<Composer conversationId="c1" onSend={onSend} />)
    type('a'.repeat(6999))
    expect(screen.queryByText(/Zeichen$/)).toBeNull()
    type('a'.repeat(7500))
    expect(screen.getByText('7.500 / 8.000 Zeichen')).toBeInTheDocument()
    type('a'.repeat(8012))
    expect(screen.getByRole('alert')).toHaveTextContent('12 Zeichen zu lang')
    expect(input()).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByRole('button', { name: 'Senden' })).toBeDisabled()
    fireEvent.keyDown(input(), { key: 'Enter' })
    await flush()
    expect(onSend).not.toHaveBeenCalled()
  })

  it('shows the stored draft of its own conversation only', () => {
    useDraftStore.getState().setDraft('c1', 'Entwurf 1')
    useDraftStore.getState().setDraft('c2', 'Entwurf 2')
    render(<Composer conversationId="c2" onSend={vi.fn()} />)
    expect(input()).toHaveValue('Entwurf 2')
  })

  it('does not send while busy or disabled, but keeps taking the draft', async () => {
    const onSend = vi.fn()
    const { rerender } = render(<Composer conversationId="c1" onSend={onSend} busy />)
    type('Hallo')
    fireEvent.keyDown(input(), { key: 'Enter' })
    rerender(<Composer conversationId="c1" onSend={onSend} disabled />)
    fireEvent.keyDown(input(), { key: 'Enter' })
    await flush()
    expect(onSend).not.toHaveBeenCalled()
    // A chat that is still loading (or offline before it loaded) can be written to; it sends later.
    expect(input()).toBeEnabled()
    type('Hallo, später')
    expect(input()).toHaveValue('Hallo, später')
    expect(screen.getByRole('button', { name: 'Senden' })).toBeDisabled()
  })
})
