// The markdown feature's public face: the safe Markdown renderer and the clipboard helper.

export { LazyMarkdown as Markdown } from './LazyMarkdown.tsx'
export { type CopyState, useClipboard } from './use-clipboard.ts'
