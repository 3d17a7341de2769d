// One field's problem, worded for the teacher; the field points to it with aria-describedby.

import { useT } from '../../i18n/index.ts'
import type { ProfileIssue } from '../../lib/teacher-profile.ts'
import { issueMessage } from './profile-messages.ts'

export function FieldError({ id, issue }: { id: string; issue: ProfileIssue | undefined }) {
  const t = useT()
  if (!issue) return null
  const { key, params } = issueMessage(issue)
  return (
    <p id={id} className="form-error" role="alert">
      {t(key, params)}
    </p>
  )
}
