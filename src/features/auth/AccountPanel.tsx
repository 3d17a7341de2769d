// The account on the profile page: guest or e-mail, the upgrade form for guests, and sign-out
// (with a warning for guests, whose chats would become unreachable).

import { useState } from 'react'
import { signOut } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'
import { Dialog } from '../../ui/Dialog.tsx'
import { useCurrentUser } from './current-user.ts'
import { MagicCodeForm } from './MagicCodeForm.tsx'

export function AccountPanel() {
  const t = useT()
  const user = useCurrentUser()
  const [upgraded, setUpgraded] = useState(false)
  const [confirming, setConfirming] = useState(false)

  function requestSignOut() {
    if (user.isGuest) setConfirming(true)
    else void signOut()
  }

  return (
    <section className="card stack" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('account.heading')}</h2>
      {user.isGuest ? (
        <>
          <p data-testid="account-state">{t('account.guest')}</p>
          <p>{t('account.guestUpgrade')}</p>
          <MagicCodeForm onSignedIn={() => setUpgraded(true)} />
        </>
      ) : (
        <p data-testid="account-state">{t('account.signedInAs', { email: user.email ?? '' })}</p>
      )}
      {upgraded && !user.isGuest && <p role="status">{t('account.upgraded')}</p>}
      <div>
        <button type="button" className="button" onClick={requestSignOut}>
          {t('account.signOut')}
        </button>
      </div>
      {confirming && (
        <Dialog title={t('account.signOutTitle')} onClose={() => setConfirming(false)}>
          <p>{t('account.signOutGuestWarning')}</p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('conversations.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => {
                setConfirming(false)
                void signOut()
              }}
            >
              {t('account.signOutConfirm')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  )
}
