// The Markdown renderer loaded on demand: remark, KaTeX and highlight.js are most of the app's code,
// so the shell starts without them. Until the chunk is there (a moment, or from the service worker's
// precache offline), the text shows as plain text, which is also what the renderer falls back to.
// A chunk that could not be fetched (offline before the service worker had it) leaves the text
// readable, never an error screen, and is asked for again when the connection is back (a browser
// that remembers the failed fetch keeps plain text until the next page load).

import './markdown.css'
import { type ComponentType, useEffect, useState } from 'react'

type Renderer = ComponentType<{ text: string }>

let renderer: Renderer | undefined
let loading: Promise<Renderer> | undefined

function loadRenderer(): Promise<Renderer> {
  loading ??= import('./Markdown.tsx').then(
    (m) => {
      renderer = m.Markdown
      return m.Markdown
    },
    (err: unknown) => {
      loading = undefined
      throw err
    },
  )
  return loading
}

export function LazyMarkdown({ text }: { text: string }) {
  const [Loaded, setLoaded] = useState<Renderer | undefined>(() => renderer)
  useEffect(() => {
    if (Loaded) return
    let live = true
    const load = () => {
      loadRenderer().then(
        (r) => live && setLoaded(() => r),
        () => {},
      )
    }
    load()
    window.addEventListener('online', load)
    return () => {
      live = false
      window.removeEventListener('online', load)
    }
  }, [Loaded])
  if (Loaded) return <Loaded text={text} />
  return <div className="markdown markdown--plain">{text}</div>
}
