// The teacher profile form: name, Bundesland, school type, subjects, grades and Save. Knows nothing of
// the database: it gets the saved values and a save function, so it is tested on its own.

import { type FormEvent, useId } from 'react'
import { useT } from '../../i18n/index.ts'
import {
  BUNDESLAENDER,
  type ProfileField,
  SCHOOL_TYPES,
  type TeacherProfileValues,
} from '../../lib/teacher-profile.ts'
import { ChoiceField } from './ChoiceField.tsx'
import { FieldError } from './FieldError.tsx'
import { GradesField } from './GradesField.tsx'
import { SubjectsField } from './SubjectsField.tsx'
import { type SaveProfile, type SaveStatus, useProfileForm } from './use-profile-form.ts'

interface TeacherProfileFormProps {
  saved: TeacherProfileValues
  onSave: SaveProfile
}

export function TeacherProfileForm({ saved, onSave }: TeacherProfileFormProps) {
  const t = useT()
  const ids = useId()
  const form = useProfileForm(saved, onSave)
  const fieldId = (field: ProfileField) => `${ids}-${field}`
  const issueOf = (field: ProfileField) => form.issues.find((i) => i.field === field)
  const nameIssue = issueOf('displayName')

  async function submit(event: FormEvent) {
    event.preventDefault()
    const invalid = await form.submit()
    if (invalid) requestAnimationFrame(() => document.getElementById(fieldId(invalid))?.focus())
  }

  return (
    <form className="card stack profile-form" aria-labelledby={`${ids}-heading`} onSubmit={submit} noValidate>
      <h2 id={`${ids}-heading`}>{t('profile.heading')}</h2>
      <p className="muted">{t('profile.intro')}</p>

      <div className="stack profile-field">
        <label htmlFor={fieldId('displayName')}>{t('profile.displayName')}</label>
        <input
          id={fieldId('displayName')}
          className="input"
          autoComplete="name"
          value={form.draft.displayName}
          aria-invalid={nameIssue ? true : undefined}
          aria-describedby={`${ids}-name-hint${nameIssue ? ` ${fieldId('displayName')}-error` : ''}`}
          onChange={(e) => form.setField('displayName', e.target.value)}
        />
        <p id={`${ids}-name-hint`} className="hint">
          {t('profile.displayNameHint')}
        </p>
        <FieldError id={`${fieldId('displayName')}-error`} issue={nameIssue} />
      </div>

      <ChoiceField
        id={fieldId('bundesland')}
        label={t('profile.bundesland')}
        options={BUNDESLAENDER}
        value={form.draft.bundesland}
        issue={issueOf('bundesland')}
        onChange={(value) => form.setField('bundesland', value)}
      />
      <ChoiceField
        id={fieldId('schoolType')}
        label={t('profile.schoolType')}
        options={SCHOOL_TYPES}
        value={form.draft.schoolType}
        issue={issueOf('schoolType')}
        onChange={(value) => form.setField('schoolType', value)}
      />
      <SubjectsField
        id={fieldId('subjects')}
        subjects={form.draft.subjects}
        text={form.pendingSubject}
        issue={issueOf('subjects')}
        onType={form.typeSubject}
        onAdd={form.addPendingSubject}
        onRemove={form.removeSubject}
      />
      <GradesField
        id={fieldId('grades')}
        grades={form.draft.grades}
        issue={issueOf('grades')}
        onToggle={form.toggleGrade}
      />

      <div className="row">
        <button type="submit" className="button button--primary" disabled={form.status.state === 'saving'}>
          {form.status.state === 'saving' ? t('profile.saving') : t('profile.save')}
        </button>
      </div>
      <SaveFeedback status={form.status} />
    </form>
  )
}

/** The confirmation sits in a live region that is always present, so screen readers hear each save. */
function SaveFeedback({ status }: { status: SaveStatus }) {
  const t = useT()
  return (
    <>
      <p role="status" className="profile-saved" data-testid="profile-save-status">
        {status.state === 'saved' && t(status.isQueued ? 'profile.savedOffline' : 'profile.saved')}
      </p>
      {status.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('profile.saveFailed', { reason: t(status.reason) })}
        </p>
      )}
    </>
  )
}
