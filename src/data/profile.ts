// The teacher profile (one per user): read it and save changes. Fields beyond the account are
// edited in a later issue; the shapes here already follow instant.schema.ts.

import { type InstaQLEntity, id } from '@instantdb/react'
import type { AppSchema } from '../../instant.schema.ts'
import { db } from './db.ts'

export type TeacherProfile = InstaQLEntity<AppSchema, 'profiles'>
export type TeacherProfileFields = Partial<
  Pick<TeacherProfile, 'displayName' | 'bundesland' | 'schoolType' | 'subjects' | 'grades' | 'preferences'>
>

/** The signed-in teacher's profile, or undefined while loading and before it was first saved. */
export function useTeacherProfile(userId: string) {
  const res = db.useQuery({ profiles: { $: { where: { 'owner.id': userId } } } })
  return { profile: res.data?.profiles[0], isLoading: res.isLoading, error: res.error }
}

/** Creates the profile on first save (linked to its owner), updates it afterwards. */
export function saveTeacherProfile(
  userId: string,
  existing: TeacherProfile | undefined,
  fields: TeacherProfileFields,
) {
  const now = Date.now()
  if (existing) return db.transact(db.tx.profiles[existing.id]!.update({ ...fields, updatedAt: now }))
  return db.transact(
    db.tx.profiles[id()]!.update({ ...fields, createdAt: now, updatedAt: now }).link({ owner: userId }),
  )
}
