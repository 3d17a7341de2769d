// Syntax highlighting of fenced code blocks (```lang) for the languages taught in school; other
// languages stay plain text. Replaces rehype-highlight, which always bundles lowlight's 37 `common`
// grammars, so the lazily loaded Markdown chunk carries only these.

import type { Element, ElementContent, Root, RootContent } from 'hast'
import bash from 'highlight.js/lib/languages/bash'
import c from 'highlight.js/lib/languages/c'
import cpp from 'highlight.js/lib/languages/cpp'
import csharp from 'highlight.js/lib/languages/csharp'
import css from 'highlight.js/lib/languages/css'
import java from 'highlight.js/lib/languages/java'
import javascript from 'highlight.js/lib/languages/javascript'
import json from 'highlight.js/lib/languages/json'
import markdown from 'highlight.js/lib/languages/markdown'
import php from 'highlight.js/lib/languages/php'
import plaintext from 'highlight.js/lib/languages/plaintext'
import python from 'highlight.js/lib/languages/python'
import sql from 'highlight.js/lib/languages/sql'
import xml from 'highlight.js/lib/languages/xml'
import { createLowlight } from 'lowlight'

/** Informatik from Klasse 5 to the Abitur: Python, Java, web (HTML, CSS, JS, PHP, SQL), C family. */
const lowlight = createLowlight({
  bash,
  c,
  cpp,
  csharp,
  css,
  java,
  javascript,
  json,
  markdown,
  php,
  plaintext,
  python,
  sql,
  xml,
})

/** Rehype plugin: `pre > code.language-x` gets highlight.js classes (hljs-…) when x is registered. */
export function rehypeHighlightCode() {
  return (tree: Root) => {
    visit(tree, undefined)
  }
}

function visit(node: Root | Element, parent: Root | Element | undefined): void {
  if (
    node.type === 'element' &&
    node.tagName === 'code' &&
    parent?.type === 'element' &&
    parent.tagName === 'pre'
  ) {
    highlight(node)
    return
  }
  for (const child of node.children as RootContent[]) {
    if (child.type === 'element') visit(child, node)
  }
}

function highlight(code: Element): void {
  const lang = languageOf(code)
  // Unknown languages and blocks without one stay plain, like rehype-highlight without detection.
  if (!lang || !lowlight.registered(lang)) return
  const classes = Array.isArray(code.properties.className) ? code.properties.className : []
  code.properties.className = classes.includes('hljs') ? classes : ['hljs', ...classes]
  const result = lowlight.highlight(lang, textOf(code))
  if (result.children.length > 0) code.children = result.children as ElementContent[]
}

/** `language-x` or `lang-x`; none for `no-highlight`. */
function languageOf(code: Element): string | undefined {
  const classes = code.properties.className
  if (!Array.isArray(classes)) return undefined
  let name: string | undefined
  for (const raw of classes) {
    const value = String(raw)
    if (value === 'no-highlight' || value === 'nohighlight') return undefined
    if (!name && value.startsWith('lang-')) name = value.slice(5)
    if (!name && value.startsWith('language-')) name = value.slice(9)
  }
  return name
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value
  if (node.type !== 'element') return ''
  return node.children.map(textOf).join('')
}
