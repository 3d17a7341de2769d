// The name of a reply's Instant stream, shared by the assistant worker (which writes it) and the chat
// view (which reads it). The `$streams` view rule in instant.perms.ts lets only the owner read it.

/** `reply:<the conversation owner's $users id>:<the reply's message id>`. */
export function replyStreamId(ownerId: string, messageId: string): string {
  return `reply:${ownerId}:${messageId}`
}
