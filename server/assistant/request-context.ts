// What the model is told for one request, read in one query: the request's path from the start of
// its conversation (ancestors only, not other branches), and the profile of the teacher who owns it.

import type { AdminDb } from './admin-db.ts'
import type { PendingRequest } from './claim-reply.ts'
import type { PathMessage } from './prompts/history.ts'
import type { TeacherProfile } from './prompts/teacher-context.ts'

/** The newest messages of a conversation searched for the path; older ones are beyond any budget. */
const HISTORY_WINDOW = 400

export interface RequestContext {
  /** From the conversation's first message to the request, as far as the newest messages reach. */
  path: PathMessage[]
  profile: TeacherProfile | undefined
}

export async function loadRequestContext(db: AdminDb, req: PendingRequest): Promise<RequestContext> {
  const { messages, profiles } = await db.query({
    messages: {
      $: {
        where: { 'conversation.id': req.conversationId },
        order: { createdAt: 'desc' },
        limit: HISTORY_WINDOW,
        fields: ['role', 'text', 'status'],
      },
      parent: { $: { fields: ['id'] } },
      // The materials a reply wrote, so the model knows what it already handed over.
      artifactVersions: { $: { fields: ['version'] }, artifact: { $: { fields: ['title'] } } },
    },
    profiles: { $: { where: { 'owner.conversations.id': req.conversationId } } },
  })
  const byId = new Map(messages.map((m) => [m.id, m]))
  const path: PathMessage[] = []
  const seen = new Set<string>()
  for (let m = byId.get(req.id); m && !seen.has(m.id); m = m.parent ? byId.get(m.parent.id) : undefined) {
    seen.add(m.id)
    const materials = (m.artifactVersions ?? []).flatMap((v) =>
      v.artifact ? [{ id: v.artifact.id, title: v.artifact.title, version: v.version }] : [],
    )
    path.push({ role: m.role, text: m.text, status: m.status, ...(materials.length ? { materials } : {}) })
  }
  // The request itself, even if the query raced its claim.
  if (!path.length) path.push({ role: 'user', text: req.text, status: 'pending' })
  return { path: path.reverse(), profile: profiles[0] }
}
