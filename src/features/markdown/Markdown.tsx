// Renders a message's Markdown: GFM tables, highlighted code, KaTeX math. Never raw HTML (skipHtml,
// no rehype-raw); links only to http(s)/mailto; images become links, so nothing remote auto-loads.

import 'katex/dist/katex.min.css'
import { type ComponentPropsWithoutRef, createContext, memo, useContext } from 'react'
import ReactMarkdown, { type Components, type Options } from 'react-markdown'
import rehypeKatex from 'rehype-katex'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import { useT } from '../../i18n/index.ts'
import { CodeBlock } from './CodeBlock.tsx'
import { rehypeHighlightCode } from './highlight-code.ts'
import { isWebUrl, safeUrl } from './safe-url.ts'

const remarkPlugins = [remarkGfm, remarkMath]
// trust:false keeps \href, \url and \htmlData inert; strict:'ignore' keeps the console quiet.
const rehypePlugins: Options['rehypePlugins'] = [
  [rehypeKatex, { trust: false, strict: 'ignore' }],
  rehypeHighlightCode,
]

// An image inside a link must not become a second, nested link.
const InsideLink = createContext(false)

function SafeLink({ href, children }: ComponentPropsWithoutRef<'a'>) {
  // urlTransform already dropped unsafe URLs; a link without href reads as plain text.
  if (!href) return <span className="md-unsafe-link">{children}</span>
  const web = isWebUrl(href)
  return (
    <InsideLink.Provider value={true}>
      <a href={href} {...(web ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}>
        {children}
      </a>
    </InsideLink.Provider>
  )
}

function ImageAsLink({ src, alt }: ComponentPropsWithoutRef<'img'>) {
  const t = useT()
  const insideLink = useContext(InsideLink)
  const label = t('markdown.image', { alt: alt?.trim() || t('markdown.imageUntitled') })
  const url = typeof src === 'string' ? src : undefined
  if (!url || insideLink || !isWebUrl(url)) return <span className="md-image">{label}</span>
  return (
    <a className="md-image" href={url} target="_blank" rel="noopener noreferrer nofollow">
      {label}
    </a>
  )
}

const components: Components = { a: SafeLink, img: ImageAsLink, pre: CodeBlock }

/** Markdown body of a message; memoised because long chats re-render rows while streaming. */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <div className="md">
      <ReactMarkdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        skipHtml
        urlTransform={safeUrl}
        components={components}
      >
        {text}
      </ReactMarkdown>
    </div>
  )
})
