// The hint under the composer when a prompt looks like it holds a pupil's personal data: the prompt
// with those parts marked, one button per pupil or datum to put a placeholder in, replace all, send anyway.

import './privacy.css'
import { type ReactNode, type RefObject, useEffect, useMemo } from 'react'
import { Link } from 'wouter'
import { useT } from '../../i18n/index.ts'
import { paths } from '../../lib/routes.ts'
import type { Finding } from './detect-personal-data.ts'
import type { Detect } from './load-detector.ts'
import { findingKey, placeholdersFor, replaceFindings } from './placeholders.ts'

export interface PersonalDataHintProps {
  /** The prompt as it is now; replacements are made on it. */
  text: string
  /** What was checked last (a keystroke may be newer) and what was found in it, for display. */
  checkedText: string
  findings: readonly Finding[]
  /** The new prompt text after a replacement. */
  onChange: (text: string) => void
  onSendAnyway: () => void
  /** Sending was asked for and is held until the teacher decides. */
  isHolding: boolean
  headingRef?: RefObject<HTMLHeadingElement | null>
  /** The loaded detector (the hint shows findings, so it has loaded), to find them again on replacing. */
  detect: Detect
}

export function PersonalDataHint(props: PersonalDataHintProps) {
  const { text, checkedText, findings, onChange, onSendAnyway, isHolding, headingRef, detect } = props
  const t = useT()
  const stand = useMemo(() => placeholdersFor(checkedText, findings), [checkedText, findings])
  // One row per pupil or datum; replacing it replaces every place it appears.
  const rows = useMemo(() => {
    const byKey = new Map<string, { finding: Finding; placeholder: string }>()
    findings.forEach((f, i) => {
      const key = findingKey(f)
      if (!byKey.has(key)) byKey.set(key, { finding: f, placeholder: stand[i] ?? '' })
    })
    return [...byKey.entries()]
  }, [findings, stand])

  // Found again in the text as it is now, so a keystroke newer than the check is never lost.
  const replace = (key?: string) => {
    const now = detect(text)
    const which = new Set(now.flatMap((f, i) => (key === undefined || findingKey(f) === key ? [i] : [])))
    onChange(replaceFindings(text, now, which))
  }

  useEffect(() => {
    if (isHolding) headingRef?.current?.focus()
  }, [isHolding, headingRef])

  return (
    <section
      className="privacy-hint"
      aria-labelledby="privacy-hint-heading"
      data-holding={isHolding || undefined}
    >
      <h2 id="privacy-hint-heading" className="privacy-hint__heading" ref={headingRef} tabIndex={-1}>
        {t('privacy.hint.heading')}
      </h2>
      <p className="privacy-hint__text">{isHolding ? t('privacy.hint.holding') : t('privacy.hint.intro')}</p>
      <p className="privacy-hint__preview" data-testid="privacy-hint-preview">
        <Marked text={checkedText} findings={findings} />
      </p>
      <ul className="privacy-hint__list">
        {rows.map(([key, row]) => (
          <li key={key}>
            <span className="privacy-hint__kind">{t(`privacy.kind.${row.finding.kind}`)}:</span>{' '}
            <mark>{row.finding.text}</mark>{' '}
            <button type="button" className="button" onClick={() => replace(key)}>
              {t('privacy.hint.replace', { placeholder: row.placeholder })}
            </button>
          </li>
        ))}
      </ul>
      <div className="privacy-hint__actions">
        <button type="button" className="button button--primary" onClick={() => replace()}>
          {t('privacy.hint.replaceAll')}
        </button>
        <button type="button" className="button" onClick={onSendAnyway}>
          {t('privacy.hint.sendAnyway')}
        </button>
        <Link href={paths.settings} className="privacy-hint__off">
          {t('privacy.hint.turnOff')}
        </Link>
      </div>
    </section>
  )
}

function Marked({ text, findings }: { text: string; findings: readonly Finding[] }) {
  const parts: ReactNode[] = []
  let from = 0
  for (const f of findings) {
    parts.push(text.slice(from, f.start))
    parts.push(<mark key={f.start}>{f.text}</mark>)
    from = f.end
  }
  parts.push(text.slice(from))
  return <>{parts}</>
}
