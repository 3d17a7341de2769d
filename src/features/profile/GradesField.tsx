// The class levels 1–13 as a group of checkboxes; the first one takes focus when the group has a problem.

import { useT } from '../../i18n/index.ts'
import { GRADES, type ProfileIssue } from '../../lib/teacher-profile.ts'
import { FieldError } from './FieldError.tsx'

interface GradesFieldProps {
  id: string
  grades: readonly string[]
  issue: ProfileIssue | undefined
  onToggle: (grade: string, isChecked: boolean) => void
}

export function GradesField({ id, grades, issue, onToggle }: GradesFieldProps) {
  const t = useT()
  return (
    <fieldset className="profile-fieldset" aria-describedby={issue ? `${id}-error` : undefined}>
      <legend>{t('profile.grades')}</legend>
      <div className="profile-grades">
        {GRADES.map((grade, i) => (
          <label key={grade} className="checkbox">
            <input
              id={i === 0 ? id : undefined}
              type="checkbox"
              name="grades"
              value={grade}
              checked={grades.includes(grade)}
              onChange={(e) => onToggle(grade, e.target.checked)}
            />
            {grade}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} issue={issue} />
    </fieldset>
  )
}
