// The Markdown renderer loaded on demand: remark, KaTeX and highlight.js are most of the app's code,
// so the shell starts without them. Until the chunk is there (a moment, or from the service worker's
// precache offline), the text shows as plain text, which is also what the renderer falls back to.

import './markdown.css'
import { lazy, Suspense } from 'react'

const Markdown = lazy(() => import('./Markdown.tsx').then((m) => ({ default: m.Markdown })))

export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<div className="markdown markdown--plain">{text}</div>}>
      <Markdown text={text} />
    </Suspense>
  )
}
