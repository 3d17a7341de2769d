// Asking eduhu.ki about this material from its view: differentiated variants (the teacher picks the
// levels) or a revision in the teacher's words. Both go to the chat as prompts with an intent.

import { type FormEvent, useId, useState } from 'react'
import { useT } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import { VARIANT_LEVELS } from '../../materials/levels.ts'
import { useSettings } from '../settings/index.ts'
import { type RequestTarget, useMaterialRequest } from './use-material-request.ts'

export interface MaterialRequestsProps {
  target: RequestTarget
  /** Variants are made from an original, not from another variant. */
  canAskForVariants: boolean
  isWide: boolean
}

type Open = 'none' | 'variants' | 'revise'

export function MaterialRequests({ target, canAskForVariants, isWide }: MaterialRequestsProps) {
  const t = useT()
  const [open, setOpen] = useState<Open>('none')
  const [problem, setProblem] = useState('')
  const send = useMaterialRequest(target, isWide)
  const toggle = (which: Open) => {
    setProblem('')
    setOpen(open === which ? 'none' : which)
  }
  const submit = async (text: string, intent: Parameters<typeof send>[1]) => {
    try {
      await send(text, intent)
      setOpen('none')
    } catch (error) {
      setProblem(t('material.request.failed', { error: t(toUserMessage(error)) }))
    }
  }

  return (
    <div className="material-requests">
      <div className="material-tools__buttons">
        {canAskForVariants && (
          <button
            type="button"
            className="button"
            aria-expanded={open === 'variants'}
            onClick={() => toggle('variants')}
          >
            {t('material.variants.open')}
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-expanded={open === 'revise'}
          onClick={() => toggle('revise')}
        >
          {t('material.revise.open')}
        </button>
      </div>
      {open === 'variants' && (
        <VariantsForm
          onProblem={setProblem}
          onSubmit={(text, levels) =>
            submit(text, { type: 'variants', artifactId: target.artifactId, levels })
          }
          title={target.title}
        />
      )}
      {open === 'revise' && (
        <ReviseForm
          title={target.title}
          onProblem={setProblem}
          onSubmit={(text) => submit(text, { type: 'revise', artifactId: target.artifactId })}
        />
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}

interface FormProps<T extends unknown[]> {
  title: string
  onProblem: (problem: string) => void
  onSubmit: (...args: T) => Promise<void>
}

function VariantsForm({ title, onProblem, onSubmit }: FormProps<[string, string[]]>) {
  const t = useT()
  const language = useSettings((s) => s.language)
  const [picked, setPicked] = useState<string[]>(['A', 'B', 'C'])
  const [isSending, setSending] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (picked.length === 0) return onProblem(t('material.variants.pickOne'))
    onProblem('')
    setSending(true)
    // In the order the levels are offered, whatever order they were ticked in.
    const levels = VARIANT_LEVELS.filter((l) => picked.includes(l.id))
    const names = levels.map((l) => l.label[language]).join(', ')
    await onSubmit(
      t('material.variants.prompt', { title, levels: names }),
      levels.map((l) => l.id),
    )
    setSending(false)
  }

  return (
    <form className="material-request-form" onSubmit={submit} data-testid="variants-form">
      <fieldset className="material-request-form__levels">
        <legend>{t('material.variants.legend')}</legend>
        {VARIANT_LEVELS.map((level) => (
          <label key={level.id} className="material-request-form__level">
            <input
              type="checkbox"
              checked={picked.includes(level.id)}
              onChange={(e) =>
                setPicked((p) => (e.target.checked ? [...p, level.id] : p.filter((id) => id !== level.id)))
              }
            />
            {level.label[language]}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--primary" disabled={isSending}>
        {t('material.variants.send')}
      </button>
    </form>
  )
}

function ReviseForm({ title, onProblem, onSubmit }: FormProps<[string]>) {
  const t = useT()
  const [text, setText] = useState('')
  const [isSending, setSending] = useState(false)
  const id = useId()

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!text.trim()) return onProblem(t('material.revise.empty'))
    onProblem('')
    setSending(true)
    await onSubmit(text.trim())
    setSending(false)
  }

  return (
    <form className="material-request-form stack" onSubmit={submit} data-testid="revise-form">
      <label htmlFor={id}>{t('material.revise.label', { title })}</label>
      <textarea
        id={id}
        className="material-editor__note"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button--primary" disabled={isSending}>
        {t('material.revise.send')}
      </button>
    </form>
  )
}
