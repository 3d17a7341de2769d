// The profile page: the account (guest or e-mail, upgrade, sign-out). Teacher-profile fields
// (Bundesland, school type, subjects, grades) come in a later issue; the page says so.

import { useT } from '../../i18n/index.ts'
import { AccountPanel } from '../auth/index.ts'

export function ProfilePage() {
  const t = useT()
  return (
    <div className="page stack">
      <h1>{t('profile.title')}</h1>
      <AccountPanel />
      <p className="muted">{t('profile.later')}</p>
    </div>
  )
}
