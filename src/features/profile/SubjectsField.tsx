// The subjects: a text field with suggestions, an add button (Enter adds too) and removable chips.
// Removing a chip moves focus to the next chip, or back to the field, so keyboard users never land
// on <body>.

import { type KeyboardEvent, useRef } from 'react'
import { useT } from '../../i18n/index.ts'
import { type ProfileIssue, SUBJECT_SUGGESTIONS } from '../../lib/teacher-profile.ts'
import { FieldError } from './FieldError.tsx'

interface SubjectsFieldProps {
  id: string
  subjects: readonly string[]
  text: string
  issue: ProfileIssue | undefined
  onType: (text: string) => void
  onAdd: () => void
  onRemove: (subject: string) => void
}

export function SubjectsField({ id, subjects, text, issue, onType, onAdd, onRemove }: SubjectsFieldProps) {
  const t = useT()
  const list = useRef<HTMLUListElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const chosen = new Set(subjects.map((s) => s.toLocaleLowerCase('de')))
  const suggestions = SUBJECT_SUGGESTIONS.filter((s) => !chosen.has(s.toLocaleLowerCase('de')))
  const describedBy = [`${id}-hint`, issue && `${id}-error`].filter(Boolean).join(' ')

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Enter adds the subject instead of submitting the whole form.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return
    event.preventDefault()
    onAdd()
  }

  function add() {
    onAdd()
    // Back to the field: the next subject is typed right away, and a problem is read out there.
    input.current?.focus()
  }

  function remove(subject: string, index: number) {
    onRemove(subject)
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll('button') ?? []
      const next = buttons[index] ?? buttons[index - 1]
      ;(next ?? input.current)?.focus()
    })
  }

  return (
    <fieldset className="profile-fieldset stack">
      <legend>{t('profile.subjects')}</legend>
      <label htmlFor={id}>{t('profile.subjectInput')}</label>
      <div className="profile-add">
        <input
          id={id}
          ref={input}
          className="input"
          list={`${id}-suggestions`}
          autoComplete="off"
          value={text}
          aria-invalid={issue ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onType(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="button" onClick={add}>
          {t('profile.addSubject')}
        </button>
      </div>
      <datalist id={`${id}-suggestions`}>
        {suggestions.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="hint">
        {t('profile.subjectHint')}
      </p>
      <FieldError id={`${id}-error`} issue={issue} />
      {subjects.length ? (
        <ul ref={list} className="profile-chips" aria-label={t('profile.yourSubjects')}>
          {subjects.map((subject, i) => (
            <li key={subject} className="profile-chip">
              <span className="profile-chip__text">{subject}</span>
              <button
                type="button"
                className="profile-chip__remove"
                aria-label={t('profile.removeSubject', { subject })}
                onClick={() => remove(subject, i)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('profile.noSubjects')}</p>
      )}
    </fieldset>
  )
}
