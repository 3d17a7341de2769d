// A teacher who starts as a guest on a new device and then signs in to an existing account keeps
// what the guest made: the server links the guest to the account (guest.linkedPrimaryUser), the rules
// let the account see those records (instant.perms.ts), and this module moves them to the account.
// It runs after every sign-in and at every start of a signed-in app, so a move cut off by a lost
// connection finishes later; finding nothing to move is the usual case and costs one small query.

import { db } from './db.ts'

const BATCH = 50

interface Owned {
  id: string
  owner?: { id: string } | undefined
}

function moveTo(userId: string, etype: 'conversations' | 'artifacts' | 'profiles', rows: Owned[]) {
  return rows.flatMap((row) =>
    row.owner ? [db.tx[etype][row.id]!.unlink({ owner: row.owner.id }).link({ owner: userId })] : [],
  )
}

/** Moves every record of guests merged into `userId` to it. Resolves with how many were moved. */
export async function adoptGuestData(userId: string): Promise<number> {
  const ofMergedGuests = {
    $: { where: { 'owner.linkedPrimaryUser.id': userId }, fields: ['id' as const] },
    owner: { $: { fields: ['id' as const] } },
  }
  const { data } = await db.queryOnce({
    conversations: ofMergedGuests,
    artifacts: ofMergedGuests,
    profiles: ofMergedGuests,
  })
  const chunks = [
    ...moveTo(userId, 'conversations', data.conversations),
    ...moveTo(userId, 'artifacts', data.artifacts),
  ]
  // A teacher has one profile: a guest's is taken only when the account has none yet.
  if (data.profiles.length) {
    const own = await db.queryOnce({ profiles: { $: { where: { 'owner.id': userId }, fields: ['id'] } } })
    if (!own.data.profiles.length) chunks.push(...moveTo(userId, 'profiles', data.profiles.slice(0, 1)))
  }
  for (let i = 0; i < chunks.length; i += BATCH) await db.transact(chunks.slice(i, i + BATCH))
  return chunks.length
}
