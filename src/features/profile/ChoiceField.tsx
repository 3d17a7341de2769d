// A labelled select over one of the contract's value lists, with "Keine Angabe" to leave it unset.
// Options carry the stored German value; the label is translated only where optionLabelKey says so.

import { useT } from '../../i18n/index.ts'
import type { ProfileIssue } from '../../lib/teacher-profile.ts'
import { FieldError } from './FieldError.tsx'
import { optionLabelKey } from './profile-messages.ts'

interface ChoiceFieldProps {
  id: string
  label: string
  options: readonly string[]
  value: string
  issue: ProfileIssue | undefined
  onChange: (value: string) => void
}

export function ChoiceField({ id, label, options, value, issue, onChange }: ChoiceFieldProps) {
  const t = useT()
  return (
    <div className="stack profile-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('profile.notSet')}</option>
        {options.map((option) => {
          const key = optionLabelKey(option)
          return (
            <option key={option} value={option}>
              {key ? t(key) : option}
            </option>
          )
        })}
      </select>
      <FieldError id={`${id}-error`} issue={issue} />
    </div>
  )
}
