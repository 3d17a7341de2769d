// "Delete my account": the teacher types a word to confirm; the server removes the account with
// everything in it, signs out every device, and this one starts fresh as a new guest.

import { useId, useState } from 'react'
import { deleteMyAccount } from '../../data/index.ts'
import { useT } from '../../i18n/index.ts'

export function AccountDeletion() {
  const t = useT()
  const inputId = useId()
  const [typed, setTyped] = useState('')
  const [state, setState] = useState<'idle' | 'deleting' | 'failed'>('idle')
  const word = t('accountData.delete.word')
  const confirmed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase()

  const remove = async () => {
    setState('deleting')
    try {
      await deleteMyAccount()
    } catch {
      setState('failed')
    }
  }

  return (
    <section className="card stack" aria-labelledby="account-data-delete">
      <h3 id="account-data-delete">{t('accountData.delete.title')}</h3>
      <p>{t('accountData.delete.intro')}</p>
      <label htmlFor={inputId}>{t('accountData.delete.confirmLabel', { word })}</label>
      <input
        id={inputId}
        className="input"
        value={typed}
        autoComplete="off"
        onChange={(e) => setTyped(e.target.value)}
      />
      <button
        type="button"
        className="button button--danger"
        disabled={!confirmed || state === 'deleting'}
        onClick={() => void remove()}
      >
        {state === 'deleting' ? t('accountData.delete.deleting') : t('accountData.delete.button')}
      </button>
      {state === 'failed' && (
        <p className="form-error" role="alert">
          {t('accountData.delete.failed')}
        </p>
      )}
    </section>
  )
}
