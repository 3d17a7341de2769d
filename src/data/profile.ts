// The teacher profile (one per user): read it and save changes. The only module writing profiles,
// so every save is normalized and checked against the contract in lib/teacher-profile.ts here.

import { type InstaQLEntity, id } from '@instantdb/react'
import type { AppSchema } from '../../instant.schema.ts'
import {
  findProfileIssues,
  normalizeTeacherProfile,
  type ProfileIssue,
  type TeacherProfileValues,
} from '../lib/teacher-profile.ts'
import { db } from './db.ts'

export type TeacherProfile = InstaQLEntity<AppSchema, 'profiles'>
/** Fields to change; absent ones stay as stored, null clears one. */
export type TeacherProfileFields = Partial<TeacherProfileValues> & {
  preferences?: Record<string, unknown> | null
}

/** A save that breaks the data contract; nothing was written. */
export class InvalidTeacherProfileError extends Error {
  constructor(readonly issues: ProfileIssue[]) {
    super(`invalid teacher profile: ${issues.map((i) => `${i.field} ${i.kind}`).join(', ')}`)
    this.name = 'InvalidTeacherProfileError'
  }
}

/** The signed-in teacher's profile, or undefined while loading and before it was first saved. */
export function useTeacherProfile(userId: string) {
  const res = db.useQuery({ profiles: { $: { where: { 'owner.id': userId } } } })
  return { profile: res.data?.profiles[0], isLoading: res.isLoading, error: res.error }
}

/**
 * Creates the profile on first save (linked to its owner), updates it afterwards. Values are trimmed,
 * deduplicated and sorted first; a save that still breaks the contract rejects with
 * InvalidTeacherProfileError. Offline it resolves with status 'enqueued' and Instant sends it later.
 */
export function saveTeacherProfile(
  userId: string,
  existing: TeacherProfile | undefined,
  fields: TeacherProfileFields,
) {
  const { preferences, ...contract } = fields
  const values = normalizeTeacherProfile(contract)
  const issues = findProfileIssues(values)
  if (issues.length) return Promise.reject(new InvalidTeacherProfileError(issues))
  const update = preferences === undefined ? values : { ...values, preferences }
  const now = Date.now()
  if (existing) return db.transact(db.tx.profiles[existing.id]!.update({ ...update, updatedAt: now }))
  return db.transact(
    db.tx.profiles[id()]!.update({ ...update, createdAt: now, updatedAt: now }).link({ owner: userId }),
  )
}
