// The markdown feature's public face: the safe Markdown renderer and the clipboard helper.

export { Markdown } from './Markdown.tsx'
export { type CopyState, useClipboard } from './use-clipboard.ts'
