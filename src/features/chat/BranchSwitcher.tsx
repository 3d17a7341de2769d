// ‹ 2/3 › for a message that has siblings (edits or regenerations of the same turn).

import { useT } from '../../i18n/index.ts'

interface Props {
  /** 0-based */
  index: number
  count: number
  onStep: (delta: -1 | 1) => void
}

export function BranchSwitcher({ index, count, onStep }: Props) {
  const t = useT()
  return (
    <fieldset className="branch-switcher">
      <legend className="visually-hidden">{t('message.branch', { index: index + 1, count })}</legend>
      <button
        type="button"
        className="message-button message-button--icon"
        onClick={() => onStep(-1)}
        disabled={index === 0}
        aria-label={t('message.branch.previous')}
      >
        ‹
      </button>
      <span className="branch-switcher__position" aria-hidden="true">
        {index + 1}/{count}
      </span>
      <button
        type="button"
        className="message-button message-button--icon"
        onClick={() => onStep(1)}
        disabled={index === count - 1}
        aria-label={t('message.branch.next')}
      >
        ›
      </button>
    </fieldset>
  )
}
