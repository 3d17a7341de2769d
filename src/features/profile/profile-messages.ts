// How the profile form words a contract problem and names a stored value. Pure, so it is unit-tested;
// the texts live in the i18n catalogs.

import type { MessageKey } from '../../i18n/index.ts'
import { PROFILE_LIMITS, type ProfileIssue } from '../../lib/teacher-profile.ts'

export interface IssueMessage {
  key: MessageKey
  params?: Record<string, string | number>
}

export function issueMessage(issue: ProfileIssue): IssueMessage {
  switch (issue.field) {
    case 'displayName':
      return {
        key: 'profile.error.displayNameTooLong',
        params: { length: issue.length, max: PROFILE_LIMITS.displayName },
      }
    case 'bundesland':
      return { key: 'profile.error.unknownBundesland' }
    case 'schoolType':
      return { key: 'profile.error.unknownSchoolType' }
    case 'grades':
      return { key: 'profile.error.unknownGrade' }
    case 'subjects':
      if (issue.kind === 'empty') return { key: 'profile.error.subjectEmpty' }
      if (issue.kind === 'duplicate')
        return { key: 'profile.error.subjectDuplicate', params: { subject: issue.subject } }
      if (issue.kind === 'too-long')
        return { key: 'profile.error.subjectTooLong', params: { max: PROFILE_LIMITS.subject } }
      return { key: 'profile.error.tooManySubjects', params: { max: PROFILE_LIMITS.subjects } }
  }
}

/**
 * Länder, countries and school types are names of the German-speaking school systems and stay German
 * in every language; only the catch-all "Anderes"/"Andere" is a word, so only it is translated.
 */
export function optionLabelKey(value: string): MessageKey | null {
  if (value === 'Anderes') return 'profile.bundesland.other'
  if (value === 'Andere') return 'profile.schoolType.other'
  return null
}
