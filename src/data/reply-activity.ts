// Whether any of the teacher's replies is being written right now (in any chat), for work that must
// wait until it finishes, such as applying an app update. Read only; the rules limit it to their own.

import { db } from './db.ts'

export function useIsAnyReplyStreaming(): boolean {
  const res = db.useQuery({ messages: { $: { where: { status: 'streaming' }, fields: ['status'] } } })
  return (res.data?.messages.length ?? 0) > 0
}
