// Names one queued Instant mutation for the teacher: a prompt, a rename, a pin, a delete, a profile
// edit … from its tx-steps. Pure (the attribute lookup is passed in), so it is unit-tested.

/** One entry of the client's pending-mutation queue, as far as it is read here. */
export interface PendingMutation {
  'tx-steps': unknown[][]
  'tx-id'?: number
  created?: number
  order?: number
  error?: unknown
}

export type WriteKind =
  | 'prompt'
  | 'message'
  | 'create'
  | 'rename'
  | 'pin'
  | 'archive'
  | 'delete'
  | 'profile'
  | 'other'

export interface WaitingWrite {
  eventId: string
  kind: WriteKind
  /** Entities the write changes (conversation, message, profile ids). */
  entityIds: string[]
  order: number
}

type AttrLookup = (attrId: string) => { etype: string; label: string } | undefined

const TRIPLE_OPS = new Set(['add-triple', 'deep-merge-triple', 'retract-triple'])

export function classifyWrite(eventId: string, mutation: PendingMutation, attrOf: AttrLookup): WaitingWrite {
  const entityIds = new Set<string>()
  const labels = new Map<string, Set<string>>()
  let deletedConversation = false
  for (const step of mutation['tx-steps']) {
    const [op, entityId, second] = step as [string, unknown, unknown]
    if (op === 'delete-entity' && typeof entityId === 'string') {
      entityIds.add(entityId)
      if (second === 'conversations') deletedConversation = true
      continue
    }
    if (!TRIPLE_OPS.has(op) || typeof entityId !== 'string' || typeof second !== 'string') continue
    // The entity needs no attribute: after a reload without a connection the client may not know
    // the attributes yet, and the marker must still show.
    entityIds.add(entityId)
    const attr = attrOf(second)
    if (!attr) continue
    const set = labels.get(attr.etype) ?? new Set<string>()
    set.add(attr.label)
    labels.set(attr.etype, set)
  }
  const order = mutation.order ?? 0
  const of = (kind: WriteKind): WaitingWrite => ({ eventId, kind, entityIds: [...entityIds], order })
  if (deletedConversation) return of('delete')
  const message = labels.get('messages')
  if (message) return of(message.has('role') ? 'prompt' : 'message')
  const conversation = labels.get('conversations')
  if (conversation) {
    if (conversation.has('createdAt')) return of('create')
    if (conversation.has('title')) return of('rename')
    if (conversation.has('pinned')) return of('pin')
    if (conversation.has('archived')) return of('archive')
  }
  if (labels.has('profiles')) return of('profile')
  return of('other')
}
