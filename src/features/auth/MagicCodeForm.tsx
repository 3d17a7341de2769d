// Upgrades the guest to an e-mail account in two steps: send a code, then enter it. The guest's
// chats stay, because the server upgrades the guest in place (see data/auth.ts).

import { type FormEvent, useId, useRef, useState } from 'react'
import { instantConfig, sendMagicCode, signInWithMagicCode } from '../../data/index.ts'
import { type MessageKey, useT } from '../../i18n/index.ts'
import { instantErrorType, toUserMessage } from '../../i18n/to-user-message.ts'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// What the server answers for a wrong, used or expired code.
const BAD_CODE = new Set(['record-not-found', 'record-expired', 'validation-failed', 'param-malformed'])

export function MagicCodeForm({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT()
  const ids = useId()
  const [email, setEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<MessageKey | null>(null)
  const codeInput = useRef<HTMLInputElement>(null)

  async function run(action: () => Promise<void>, onError: (err: unknown) => MessageKey) {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(onError(err))
    } finally {
      setBusy(false)
    }
  }

  function submitEmail(event: FormEvent) {
    event.preventDefault()
    const address = email.trim()
    if (!EMAIL.test(address)) return setError('account.invalidEmail')
    void run(async () => {
      await sendMagicCode(address)
      setSentTo(address)
      requestAnimationFrame(() => codeInput.current?.focus())
    }, toUserMessage)
  }

  function submitCode(event: FormEvent) {
    event.preventDefault()
    if (!sentTo) return
    void run(
      async () => {
        await signInWithMagicCode(sentTo, code)
        onSignedIn()
      },
      (err) => (BAD_CODE.has(instantErrorType(err) ?? '') ? 'account.invalidCode' : toUserMessage(err)),
    )
  }

  const errorLine = error && (
    <p id={`${ids}-error`} className="form-error" role="alert">
      {t(error)}
    </p>
  )
  const describedBy = error ? `${ids}-error` : undefined
  const localHint = instantConfig.isLocal && (
    <p className="hint" data-testid="local-code-hint">
      {t('account.localHint')}
    </p>
  )

  if (!sentTo) {
    return (
      <form className="stack" onSubmit={submitEmail} noValidate>
        <label htmlFor={`${ids}-email`}>{t('account.email')}</label>
        <input
          id={`${ids}-email`}
          className="input"
          type="email"
          autoComplete="email"
          value={email}
          aria-invalid={error === 'account.invalidEmail' || undefined}
          aria-describedby={describedBy}
          onChange={(e) => setEmail(e.target.value)}
        />
        {errorLine}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('account.sendingCode') : t('account.sendCode')}
        </button>
        {localHint}
      </form>
    )
  }
  return (
    <form className="stack" onSubmit={submitCode} noValidate>
      <p role="status">{t('account.codeSent', { email: sentTo })}</p>
      {localHint}
      <label htmlFor={`${ids}-code`}>{t('account.code')}</label>
      <input
        id={`${ids}-code`}
        ref={codeInput}
        className="input input--code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        aria-invalid={error === 'account.invalidCode' || undefined}
        aria-describedby={describedBy}
        onChange={(e) => setCode(e.target.value)}
      />
      {errorLine}
      <div className="row">
        <button type="submit" className="button button--primary" disabled={busy || !code.trim()}>
          {busy ? t('account.signingIn') : t('account.signIn')}
        </button>
        <button type="button" className="button" onClick={() => setSentTo(null)}>
          {t('account.otherEmail')}
        </button>
      </div>
    </form>
  )
}
