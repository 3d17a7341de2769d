// Every material kind, in the order the library's filter lists them. A new kind is a folder beside
// these (its definition, and a print or DOCX layout of its own only if the shared one does not fit)
// plus one line here.

import type { MaterialKind } from '../kind.ts'
import { exam } from './exam/definition.ts'
import { lessonPlan } from './lesson-plan/definition.ts'
import { parentLetter } from './parent-letter/definition.ts'
import { quiz } from './quiz/definition.ts'
import { rubric } from './rubric/definition.ts'
import { tasks } from './tasks/definition.ts'
import { worksheet } from './worksheet/definition.ts'

export const MATERIAL_KINDS: readonly MaterialKind[] = [
  worksheet,
  lessonPlan,
  quiz,
  exam,
  tasks,
  rubric,
  parentLetter,
]

export const KIND_IDS = MATERIAL_KINDS.map((k) => k.id) as [string, ...string[]]

const byId = new Map(MATERIAL_KINDS.map((k) => [k.id, k]))

/** The kind, or undefined for a kind this version does not know (stored by an older or newer one). */
export function kindById(id: string): MaterialKind | undefined {
  return byId.get(id)
}
