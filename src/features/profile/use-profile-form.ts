// The profile form's state: the draft the teacher edits, the subject being typed, the problems per
// field and the save status. Nothing typed is thrown away on a validation or save error.

import { useRef, useState } from 'react'
import type { MessageKey } from '../../i18n/index.ts'
import { toUserMessage } from '../../i18n/to-user-message.ts'
import {
  addSubject,
  findProfileIssues,
  isSameProfile,
  normalizeTeacherProfile,
  type ProfileField,
  type ProfileIssue,
  type TeacherProfileValues,
} from '../../lib/teacher-profile.ts'

/** What the inputs hold: text as typed, '' for "not set". */
export interface ProfileDraft {
  displayName: string
  bundesland: string
  schoolType: string
  subjects: string[]
  grades: string[]
}

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; isQueued: boolean }
  | { state: 'failed'; reason: MessageKey }

/** Resolves once written; status 'enqueued' means stored on this device and sent when back online. */
export type SaveProfile = (values: TeacherProfileValues) => Promise<{ status: 'synced' | 'enqueued' }>

const FIELD_ORDER: ProfileField[] = ['displayName', 'bundesland', 'schoolType', 'subjects', 'grades']

function toDraft(values: TeacherProfileValues): ProfileDraft {
  return {
    displayName: values.displayName ?? '',
    bundesland: values.bundesland ?? '',
    schoolType: values.schoolType ?? '',
    subjects: values.subjects,
    grades: values.grades,
  }
}

function valuesOf(draft: ProfileDraft): TeacherProfileValues {
  const v = normalizeTeacherProfile(draft)
  return {
    displayName: v.displayName ?? null,
    bundesland: v.bundesland ?? null,
    schoolType: v.schoolType ?? null,
    subjects: v.subjects ?? [],
    grades: v.grades ?? [],
  }
}

export function useProfileForm(saved: TeacherProfileValues, save: SaveProfile) {
  const [seen, setSeen] = useState(saved)
  const [isDirty, setIsDirty] = useState(false)
  const editCount = useRef(0)
  const [draft, setDraft] = useState(() => toDraft(saved))
  const [pendingSubject, setPendingSubject] = useState('')
  const [issues, setIssues] = useState<ProfileIssue[]>([])
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' })

  // A profile saved elsewhere (another device, the server answering after the local cache) replaces
  // the form only while it holds no unsaved edits. A refused save stays dirty, so Instant rolling
  // the optimistic write back never wipes what the teacher typed.
  if (!isSameProfile(saved, seen)) {
    setSeen(saved)
    if (!isDirty) setDraft(toDraft(saved))
  }

  function edited(field: ProfileField) {
    editCount.current += 1
    setIsDirty(true)
    setIssues((all) => all.filter((i) => i.field !== field))
    setStatus((s) => (s.state === 'saving' ? s : { state: 'idle' }))
  }

  function setField(field: 'displayName' | 'bundesland' | 'schoolType', value: string) {
    setDraft((d) => ({ ...d, [field]: value }))
    edited(field)
  }

  function toggleGrade(grade: string, isChecked: boolean) {
    setDraft((d) => ({
      ...d,
      grades: isChecked ? [...d.grades, grade] : d.grades.filter((g) => g !== grade),
    }))
    edited('grades')
  }

  function typeSubject(text: string) {
    setPendingSubject(text)
    edited('subjects')
  }

  /** Adds the typed subject; on a problem the text stays in the field and the reason is shown. */
  function addPendingSubject() {
    const added = addSubject(draft.subjects, pendingSubject)
    edited('subjects')
    if ('issue' in added) {
      setIssues((all) => [...all, added.issue])
      return
    }
    setDraft((d) => ({ ...d, subjects: added.subjects }))
    setPendingSubject('')
  }

  function removeSubject(subject: string) {
    setDraft((d) => ({ ...d, subjects: d.subjects.filter((s) => s !== subject) }))
    edited('subjects')
  }

  /**
   * Saves the draft, including a subject typed but not yet added. Returns the first field with a
   * problem (nothing is saved then), or null once the save was handed to the database.
   */
  async function submit(): Promise<ProfileField | null> {
    const found: ProfileIssue[] = []
    let subjects = draft.subjects
    if (pendingSubject.trim()) {
      const added = addSubject(subjects, pendingSubject)
      if ('issue' in added) found.push(added.issue)
      else subjects = added.subjects
    }
    const values = valuesOf({ ...draft, subjects })
    found.push(...findProfileIssues(values))
    if (found.length) {
      found.sort((a, b) => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))
      setIssues(found)
      setStatus({ state: 'idle' })
      return found[0]!.field
    }
    setIssues([])
    setDraft(toDraft(values))
    setPendingSubject('')
    setStatus({ state: 'saving' })
    const editsAtSave = editCount.current
    try {
      const result = await save(values)
      // Edits made while the save was under way are still unsaved.
      if (editCount.current === editsAtSave) setIsDirty(false)
      setStatus({ state: 'saved', isQueued: result.status === 'enqueued' })
    } catch (err) {
      setStatus({ state: 'failed', reason: toUserMessage(err) })
    }
    return null
  }

  return {
    draft,
    pendingSubject,
    issues,
    status,
    setField,
    toggleGrade,
    typeSubject,
    addPendingSubject,
    removeSubject,
    submit,
  }
}
