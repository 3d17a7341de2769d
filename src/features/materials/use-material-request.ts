// Sends a request about a material (revise it, make variants) as a chat prompt with its intent, in
// the material's chat through the app's normal send path — so it is queued offline and shows in the
// chat — or, when that chat was deleted, in a new one. Then shows the chat where the answer comes.

import { useLocation } from 'wouter'
import { createConversation, linkArtifactToConversation, sendPrompt } from '../../data/index.ts'
import { paths } from '../../lib/routes.ts'
import type { MaterialIntent } from '../../materials/intent.ts'
import { useCurrentUser } from '../auth/index.ts'

export interface RequestTarget {
  artifactId: string
  title: string
  conversationId: string | undefined
  chatLeaf: { id: string; createdAt: number } | undefined
}

/**
 * Returns `send(text, intent)`, which resolves when the server has the prompt (at once offline,
 * queued) and rejects when it refused. On a wide screen the chat and the material show side by side
 * afterwards, on a phone the chat.
 */
export function useMaterialRequest(target: RequestTarget, isWide: boolean) {
  const user = useCurrentUser()
  const [, navigate] = useLocation()

  return async (text: string, intent: MaterialIntent) => {
    let conversationId = target.conversationId
    const writes: Promise<unknown>[] = []
    if (!conversationId) {
      const created = createConversation(user.id, target.title)
      conversationId = created.id
      writes.push(created.saved, linkArtifactToConversation(target.artifactId, conversationId))
    }
    const isSameChat = conversationId === target.conversationId
    const { saved } = sendPrompt({
      conversationId,
      parentId: isSameChat ? (target.chatLeaf?.id ?? null) : null,
      notBefore: isSameChat ? target.chatLeaf?.createdAt : undefined,
      text,
      intent,
    })
    await Promise.all([...writes, saved])
    navigate(isWide ? paths.material(conversationId, target.artifactId) : paths.chat(conversationId))
  }
}
