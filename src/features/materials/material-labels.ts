// How a material's kind, level and version origin are named in the teacher's language. Kinds and
// levels come from the shared contract (src/materials), so a new kind needs no new text here.

import type { Language, MessageKey } from '../../i18n/index.ts'
import { kindById } from '../../materials/kinds/index.ts'
import { levelById, VARIANT_LEVELS } from '../../materials/levels.ts'

/** The kind's name ("Arbeitsblatt"), or the stored id for a kind this version does not know. */
export function kindLabel(kind: string, language: Language): string {
  return kindById(kind)?.label[language] ?? kind
}

/** The level's name ("Niveau A (grundlegend)"), or the stored id for an unknown level. */
export function levelLabel(level: string, language: Language): string {
  return levelById(level)?.label[language] ?? level
}

/** Sorts variants (or anything with a level) in the order the levels are offered: A, B, C, DaZ, … */
export function byLevel<T extends { level?: string | undefined }>(items: readonly T[]): T[] {
  const rank = (l: string | undefined) => {
    const i = VARIANT_LEVELS.findIndex((v) => v.id === l)
    return i === -1 ? VARIANT_LEVELS.length : i
  }
  return [...items].sort((a, b) => rank(a.level) - rank(b.level))
}

/** Who made a version: the assistant (also when unrecorded), the teacher by hand, or a restore. */
export function sourceKey(source: string | undefined): MessageKey {
  if (source === 'edit') return 'material.source.edit'
  if (source === 'restore') return 'material.source.restore'
  return 'material.source.assistant'
}

/** The number the next version gets: one past the highest the device knows of. */
export function nextVersionAfter(
  latestVersion: number | undefined,
  versions: readonly { version: number }[],
) {
  return Math.max(latestVersion ?? 0, ...versions.map((v) => v.version)) + 1
}
