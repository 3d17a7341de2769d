// Connects the profile form to the database: loading, a load error where the form would be, and
// saving through data/profile.ts (which normalizes and creates the profile on the first save).

import { saveTeacherProfile, useIsWaiting, useTeacherProfile } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { readTeacherProfile } from '../../lib/teacher-profile.ts'
import { TeacherProfileForm } from './TeacherProfileForm.tsx'

export function TeacherProfileSection({ userId }: { userId: string }) {
  const t = useT()
  const { profile, isLoading, error } = useTeacherProfile(userId)
  // Still true after a reload: the edit waits in Instant's queue, not in this form's state.
  const isWaiting = useIsWaiting(profile?.id)

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
    <>
      {isWaiting && (
        <p className="muted" role="status" data-testid="profile-waiting">
          {t('outbox.profileWaiting')}
        </p>
      )}
      <TeacherProfileForm
        saved={readTeacherProfile(profile)}
        onSave={(values) => saveTeacherProfile(userId, profile, values)}
      />
    </>
  )
}
