// The prompt input: a growing textarea with the send key from settings, a visible character limit
// and a per-conversation draft that survives reload and offline. Knows nothing about the database.

import './composer.css'
import { type FormEvent, type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react'
import { useT } from '../../i18n/index.ts'
import { useSettings } from '../../state/settings-store.ts'
import { PersonalDataHint, usePersonalDataGate } from '../privacy/index.ts'
import { keyAction, limitState, MAX_PROMPT_CHARS } from './composer-keys.ts'
import { useDraft, useDraftStore } from './draft-store.ts'

export interface ComposerProps {
  conversationId: string
  onSend: (text: string) => Promise<void> | void
  /** Sending is not possible yet (the chat is loading); typing and the draft go on. */
  disabled?: boolean
  /** A reply is being generated: typing goes on, sending waits. */
  busy?: boolean
}

/** Marks the composer's textarea so shortcuts and navigation can focus it. */
export const COMPOSER_INPUT_ATTR = 'data-composer-input'
const MAX_HEIGHT_PX = 240

export function Composer({ conversationId, onSend, disabled = false, busy = false }: ComposerProps) {
  const t = useT()
  const ids = useId()
  const text = useDraft(conversationId)
  const setDraft = useDraftStore((s) => s.setDraft)
  const clearDraft = useDraftStore((s) => s.clearDraft)
  const sendKey = useSettings((s) => s.sendKey)
  const [sending, setSending] = useState(false)
  const [failed, setFailed] = useState(false)
  const [unchecked, setUnchecked] = useState(false)
  const input = useRef<HTMLTextAreaElement>(null)
  const limit = limitState(text)
  const isOver = limit.overBy > 0
  const canSend = !disabled && !busy && !sending && !isOver && text.trim() !== ''
  const locale = useSettings((s) => s.language)
  const fmt = (n: number) => n.toLocaleString(locale)
  const privacy = usePersonalDataGate(text)

  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the text, also when a draft arrives from elsewhere
  useLayoutEffect(() => {
    const el = input.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${Math.min(el.scrollHeight, MAX_HEIGHT_PX)}px`
  }, [text])

  async function send(anyway = false) {
    if (!canSend) return
    const sent = text
    setSending(true)
    setFailed(false)
    setUnchecked(false)
    try {
      // Personal data of pupils stays on the device until the teacher replaces it or says send anyway.
      // A send before the check has loaded waits for it; if it cannot load, nothing goes out unchecked.
      if (!anyway) {
        const verdict = await privacy.check(sent)
        if (verdict === 'unchecked') setUnchecked(true)
        if (verdict !== 'clear') return
      }
      privacy.release()
      await onSend(sent.trim())
      clearDraft(conversationId, sent)
    } catch {
      setFailed(true)
    } finally {
      setSending(false)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const { key, shiftKey, ctrlKey, metaKey, altKey } = event
    const press = { key, shiftKey, ctrlKey, metaKey, altKey, isComposing: event.nativeEvent.isComposing }
    if (keyAction(press, sendKey) !== 'send') return
    event.preventDefault()
    void send()
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault()
    void send()
  }

  const hint = sendKey === 'enter' ? t('composer.hint.enter') : t('composer.hint.ctrlEnter')
  const described = [`${ids}-hint`, limit.showCounter && `${ids}-count`, isOver && `${ids}-over`]
  return (
    <form className="composer" onSubmit={onSubmit} aria-label={t('composer.label')}>
      <label className="visually-hidden" htmlFor={`${ids}-input`}>
        {t('composer.label')}
      </label>
      <textarea
        id={`${ids}-input`}
        ref={input}
        className="composer__input"
        rows={1}
        value={text}
        placeholder={t('composer.placeholder')}
        aria-invalid={isOver || undefined}
        aria-describedby={described.filter(Boolean).join(' ')}
        onChange={(e) => setDraft(conversationId, e.target.value)}
        onKeyDown={onKeyDown}
        onFocus={privacy.prepare}
        {...{ [COMPOSER_INPUT_ATTR]: conversationId }}
      />
      {privacy.detect && privacy.findings.length > 0 && (
        <PersonalDataHint
          detect={privacy.detect}
          text={text}
          checkedText={privacy.checkedText}
          findings={privacy.findings}
          onChange={(next) => setDraft(conversationId, next)}
          onSendAnyway={() => void send(true)}
          isHolding={privacy.isHolding}
          headingRef={privacy.headingRef}
        />
      )}
      <div className="composer__bar">
        <span id={`${ids}-hint`} className="composer__hint">
          {hint}
        </span>
        {limit.showCounter && (
          <span id={`${ids}-count`} className={`composer__count${isOver ? ' composer__count--over' : ''}`}>
            {t('composer.count', { count: fmt(limit.length), max: fmt(MAX_PROMPT_CHARS) })}
          </span>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={!canSend}
          aria-busy={sending || busy}
        >
          {sending ? t('composer.sending') : t('composer.send')}
        </button>
      </div>
      {isOver && (
        <p id={`${ids}-over`} className="composer__error" role="alert">
          {t('composer.tooLong', { over: fmt(limit.overBy), max: fmt(MAX_PROMPT_CHARS) })}
        </p>
      )}
      {unchecked && (
        <p className="composer__error" role="alert">
          {t('composer.privacyUnchecked')}
        </p>
      )}
      {failed && (
        <p className="composer__error" role="alert">
          {t('composer.failed')}
        </p>
      )}
    </form>
  )
}
