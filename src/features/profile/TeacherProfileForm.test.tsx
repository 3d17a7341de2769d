import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { readTeacherProfile, type TeacherProfileValues } from '../../lib/teacher-profile.ts'
import { useSettings } from '../../state/settings-store.ts'
import { TeacherProfileForm } from './TeacherProfileForm.tsx'

const EMPTY = readTeacherProfile(undefined)
const name = () => screen.getByRole('textbox', { name: 'Dein Name' })
const subject = () => screen.getByRole('combobox', { name: 'Neues Fach' })
const grade = (n: string) =>
  within(screen.getByRole('group', { name: 'Klassenstufen' })).getByRole('checkbox', { name: n })
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } })
const save = () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'Speichern' })))
const chips = () =>
  within(screen.getByRole('list', { name: 'Deine Fächer' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent?.replace('×', ''))

function renderForm(saved: TeacherProfileValues = EMPTY) {
  const onSave = vi.fn().mockResolvedValue({ status: 'synced' })
  const view = render(<TeacherProfileForm saved={saved} onSave={onSave} />)
  return { onSave, view }
}

describe('TeacherProfileForm', () => {
  beforeEach(() => useSettings.setState({ language: 'de' }))

  it('saves normalized values, including a subject typed but not yet added', async () => {
    const { onSave } = renderForm()
    type(name(), '  Frau Berger ')
    fireEvent.change(screen.getByRole('combobox', { name: 'Bundesland' }), {
      target: { value: 'Nordrhein-Westfalen' },
    })
    fireEvent.change(screen.getByRole('combobox', { name: 'Schulart' }), { target: { value: 'Gymnasium' } })
    type(subject(), 'Mathematik')
    fireEvent.keyDown(subject(), { key: 'Enter' })
    type(subject(), ' Physik ')
    fireEvent.click(grade('10'))
    fireEvent.click(grade('5'))
    await save()
    expect(onSave).toHaveBeenCalledWith({
      displayName: 'Frau Berger',
      bundesland: 'Nordrhein-Westfalen',
      schoolType: 'Gymnasium',
      subjects: ['Mathematik', 'Physik'],
      grades: ['5', '10'],
    })
    expect(screen.getByRole('status')).toHaveTextContent('Gespeichert')
    expect(name()).toHaveValue('Frau Berger')
    expect(subject()).toHaveValue('')
  })

  it('keeps an over-long name and saves nothing', async () => {
    const { onSave } = renderForm()
    type(name(), 'x'.repeat(81))
    await save()
    expect(onSave).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Dein Name ist 81 Zeichen lang. Kürze ihn auf höchstens 80 Zeichen.',
    )
    expect(name()).toHaveValue('x'.repeat(81))
    expect(name()).toHaveAttribute('aria-invalid', 'true')
  })

  it('refuses a duplicate subject and keeps the typed text', () => {
    renderForm({ ...EMPTY, subjects: ['Mathematik'] })
    type(subject(), 'mathematik')
    fireEvent.click(screen.getByRole('button', { name: 'Hinzufügen' }))
    expect(screen.getByRole('alert')).toHaveTextContent('„Mathematik“ steht schon in deiner Liste.')
    expect(subject()).toHaveValue('mathematik')
    expect(chips()).toEqual(['Mathematik'])
  })

  it('removes a subject with its named button', () => {
    renderForm({ ...EMPTY, subjects: ['Deutsch', 'Kunst'] })
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch entfernen' }))
    expect(chips()).toEqual(['Kunst'])
  })

  it('shows a failed save with the reason and keeps every entry', async () => {
    const onSave = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'))
    render(<TeacherProfileForm saved={EMPTY} onSave={onSave} />)
    type(name(), 'Jonas')
    await save()
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Speichern hat nicht geklappt: Keine Verbindung zum Server.',
    )
    expect(screen.getByRole('status')).toHaveTextContent('')
    expect(name()).toHaveValue('Jonas')
  })

  it('keeps the entries when a refused save is rolled back', async () => {
    let refuse!: (err: unknown) => void
    const onSave = vi.fn(() => new Promise<never>((_, reject) => (refuse = reject)))
    const { rerender } = render(<TeacherProfileForm saved={EMPTY} onSave={onSave} />)
    type(name(), 'Jonas')
    await save()
    // Instant shows the write at once, then takes it back when the server refuses it.
    rerender(<TeacherProfileForm saved={{ ...EMPTY, displayName: 'Jonas' }} onSave={onSave} />)
    await act(async () => refuse({ body: { type: 'permission-denied' } }))
    rerender(<TeacherProfileForm saved={EMPTY} onSave={onSave} />)
    expect(screen.getByRole('alert')).toHaveTextContent('Dafür fehlt dir die Berechtigung.')
    expect(name()).toHaveValue('Jonas')
  })

  it('says when a save waits for the connection', async () => {
    const onSave = vi.fn().mockResolvedValue({ status: 'enqueued' })
    render(<TeacherProfileForm saved={EMPTY} onSave={onSave} />)
    await save()
    expect(screen.getByRole('status')).toHaveTextContent('sobald du wieder online bist')
  })

  it('takes a profile saved elsewhere only while the form is untouched', () => {
    const { view } = renderForm()
    const elsewhere = { ...EMPTY, displayName: 'Von einem anderen Gerät' }
    view.rerender(<TeacherProfileForm saved={elsewhere} onSave={vi.fn()} />)
    expect(name()).toHaveValue('Von einem anderen Gerät')
    type(name(), 'Meine Änderung')
    view.rerender(<TeacherProfileForm saved={{ ...elsewhere, grades: ['3'] }} onSave={vi.fn()} />)
    expect(name()).toHaveValue('Meine Änderung')
  })

  it('shows stored values in English with the catch-all options translated', () => {
    useSettings.setState({ language: 'en' })
    renderForm({ ...EMPTY, bundesland: 'Anderes', schoolType: 'Förderschule' })
    expect(screen.getByRole('combobox', { name: 'State or region' })).toHaveDisplayValue('Other')
    expect(screen.getByRole('combobox', { name: 'School type' })).toHaveDisplayValue('Förderschule')
  })
})
