// The profile page: the account (guest or e-mail, upgrade, sign-out) and, below it, the teacher
// profile the assistant uses to fit its answers.

import './profile.css'
import { useT } from '../../i18n/index.ts'
import { AccountPanel, useCurrentUser } from '../auth/index.ts'
import { TeacherProfileSection } from './TeacherProfileSection.tsx'

export function ProfilePage() {
  const t = useT()
  const userId = useCurrentUser().id
  return (
    <div className="page stack">
      <h1>{t('profile.title')}</h1>
      <AccountPanel />
      {/* Another user (sign-out, an account merge) starts from their own saved profile. */}
      <TeacherProfileSection key={userId} userId={userId} />
    </div>
  )
}
