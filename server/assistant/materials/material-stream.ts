// One reply's materials as the model streams them: tool-call pieces gathered by index (or, for a
// model without tools, blocks cut out of the text), shown as drafts while they grow, and checked
// against the tool schema once the model is done. Pure: writes nothing.

import type { MaterialDraft } from '../../../src/materials/draft.ts'
import { kindById } from '../../../src/materials/kinds/index.ts'
import type { ModelEvent } from '../openai-stream.ts'
import { FallbackBlocks } from './fallback-block.ts'
import { readPartialObject } from './partial-json.ts'
import {
  createArgs,
  type MaterialCall,
  REVISE_TOOL,
  reviseArgs,
  validateBlock,
  validateToolCall,
} from './tool-schema.ts'

interface ToolCall {
  callId: string
  name: string | undefined
  arguments: string
}

export interface CheckedCall {
  callId: string
  call: MaterialCall
}

export interface RejectedCall {
  callId: string
  error: string
}

const text = (v: unknown) => (typeof v === 'string' ? v : undefined)

/** A call cut short by the teacher's stop, made whole with defaults; undefined if nothing to keep. */
function partialCall(action: 'create' | 'revise', fields: Record<string, unknown>): MaterialCall | undefined {
  const body = text(fields.body)
  if (!body?.trim()) return undefined
  if (action === 'revise') {
    const parsed = reviseArgs.safeParse({ artifactId: fields.artifactId, body })
    return parsed.success ? { action, args: parsed.data } : undefined
  }
  const kind = text(fields.kind)
  const title = text(fields.title)?.trim() || 'Ohne Titel (abgebrochen)'
  const whole = { ...fields, body, title, kind: kind && kindById(kind) ? kind : 'tasks' }
  // A field cut mid-value (a half-written level) is dropped rather than losing the body.
  const parsed = createArgs.safeParse(whole)
  if (parsed.success) return { action, args: parsed.data }
  const minimal = createArgs.safeParse({ kind: whole.kind, title: whole.title, body })
  return minimal.success ? { action, args: minimal.data } : undefined
}

export class MaterialStream {
  private readonly calls = new Map<number, ToolCall>()
  private readonly blocks: FallbackBlocks | undefined
  private drafted = false

  /** `textBlocks`: the model has no tools and was told to write blocks into its text. */
  constructor(textBlocks: boolean) {
    this.blocks = textBlocks ? new FallbackBlocks() : undefined
  }

  /** Takes one event from the model; returns the prose it adds to the reply. */
  push(event: ModelEvent): string {
    if (event.type === 'text') return this.blocks ? this.blocks.push(event.text) : event.text
    let key = event.index
    // Some servers send whole calls without distinct indexes: a new id is a new call.
    const known = this.calls.get(key)
    if (known && event.id && !known.callId.startsWith('call-') && known.callId !== event.id)
      key = Math.max(...this.calls.keys()) + 1
    let call = this.calls.get(key)
    if (!call) {
      call = { callId: event.id ?? `call-${key}`, name: event.name, arguments: '' }
      this.calls.set(key, call)
    }
    if (event.id && call.callId.startsWith('call-')) call.callId = event.id
    if (event.name) call.name = event.name
    call.arguments += event.arguments
    return ''
  }

  /** The model is done (or stopped): returns the prose that was held back. */
  end(): string {
    return this.blocks?.end() ?? ''
  }

  /** Whether anything material has been sent (a call or a block), so an empty reply is no failure. */
  get hasMaterial(): boolean {
    return this.calls.size > 0 || !!this.blocks?.blocks().length
  }

  /** Whether drafts were ever shown, so the last write clears them. */
  get hasDrafts(): boolean {
    return this.drafted
  }

  drafts(): MaterialDraft[] {
    const fromCalls = [...this.calls.values()].map((c): MaterialDraft => {
      const args = readPartialObject(c.arguments)
      const revise = c.name === REVISE_TOOL
      return {
        callId: c.callId,
        action: revise ? 'revise' : 'create',
        artifactId: revise ? text(args.artifactId) : undefined,
        kind: text(args.kind),
        title: text(args.title),
        body: text(args.body) ?? '',
      }
    })
    const all = [...fromCalls, ...(this.blocks?.drafts() ?? [])]
    if (all.length) this.drafted = true
    return all
  }

  /** What the teacher's stop leaves: every call or block with a body so far, with defaults. */
  partial(): CheckedCall[] {
    const out: CheckedCall[] = []
    for (const c of this.calls.values()) {
      const call = partialCall(c.name === REVISE_TOOL ? 'revise' : 'create', readPartialObject(c.arguments))
      if (call) out.push({ callId: c.callId, call })
    }
    for (const d of this.blocks?.drafts() ?? []) {
      const header = this.blocks?.blocks().find((b) => b.callId === d.callId)?.header
      const fields = header && typeof header === 'object' ? (header as Record<string, unknown>) : {}
      const call = partialCall(d.action, { ...fields, body: d.body })
      if (call) out.push({ callId: d.callId, call })
    }
    return out
  }

  /** Every finished call checked against the schema: the valid ones, and why the others failed. */
  check(): { valid: CheckedCall[]; rejected: RejectedCall[] } {
    const valid: CheckedCall[] = []
    const rejected: RejectedCall[] = []
    const take = (callId: string, result: ReturnType<typeof validateBlock>) => {
      if (result.ok) valid.push({ callId, call: result.call })
      else rejected.push({ callId, error: result.error })
    }
    for (const c of this.calls.values()) take(c.callId, validateToolCall(c.name, c.arguments))
    for (const b of this.blocks?.blocks() ?? []) {
      if (b.header === undefined) rejected.push({ callId: b.callId, error: 'block header is not JSON' })
      else take(b.callId, validateBlock(b.header, b.body))
    }
    return { valid, rejected }
  }
}
