// Connects the profile form to the database: loading, a load error where the form would be, and
// saving through data/profile.ts (which normalizes and creates the profile on the first save).

import { saveTeacherProfile, useTeacherProfile } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { readTeacherProfile } from '../../lib/teacher-profile.ts'
import { TeacherProfileForm } from './TeacherProfileForm.tsx'

export function TeacherProfileSection({ userId }: { userId: string }) {
  const t = useT()
  const { profile, isLoading, error } = useTeacherProfile(userId)

  if (error) {
    return (
      <p className="form-error" role="alert">
        {t('profile.loadError', { error: t(toUserMessage(error)) })}
      </p>
    )
  }
  if (isLoading) {
    return (
      <p className="muted" role="status">
        {t('profile.loading')}
      </p>
    )
  }
  return (
    <TeacherProfileForm
      saved={readTeacherProfile(profile)}
      onSave={(values) => saveTeacherProfile(userId, profile, values)}
    />
  )
}
