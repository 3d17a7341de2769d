// A fenced code block (already highlighted by highlight-code.ts) with its own copy button.

import { type ComponentPropsWithoutRef, useRef } from 'react'
import { useT } from '../../i18n/index.ts'
import { useClipboard } from './use-clipboard.ts'

export function CodeBlock({ children }: ComponentPropsWithoutRef<'pre'>) {
  const t = useT()
  const pre = useRef<HTMLPreElement>(null)
  const { state, copy } = useClipboard()
  const label =
    state === 'copied' ? t('markdown.copied') : state === 'failed' ? t('markdown.copyFailed') : null
  return (
    <div className="md-code">
      <button
        type="button"
        className="md-code__copy"
        onClick={() => copy(pre.current?.textContent ?? '')}
        aria-label={t('markdown.copyCode')}
      >
        {t('markdown.copy')}
      </button>
      <span className="md-code__status" role="status">
        {label}
      </span>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable code block must be reachable by keyboard */}
      <pre ref={pre} tabIndex={0}>
        {children}
      </pre>
    </div>
  )
}
