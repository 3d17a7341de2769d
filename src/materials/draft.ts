// A material the model is still writing, stored on the reply (`messages.materialDrafts`) at each
// flush so every device sees it grow. The artifact itself is written only once the whole tool call
// is valid (or, when the teacher stops, from what was written so far).

export interface MaterialDraft {
  /** The model's tool-call id (or `block-N` for the text fallback): stable while it streams. */
  callId: string
  /** 'create' a new material, or 'revise' `artifactId`. */
  action: 'create' | 'revise'
  artifactId?: string | undefined
  kind?: string | undefined
  title?: string | undefined
  /** The Markdown body so far. */
  body: string
}

export function parseDrafts(value: unknown): MaterialDraft[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (d): d is MaterialDraft =>
      !!d && typeof d === 'object' && typeof d.callId === 'string' && typeof d.body === 'string',
  )
}
