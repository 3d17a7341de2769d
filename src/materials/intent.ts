// A request about an existing material, sent from the material view as a chat prompt with
// `messages.intent` set, so the worker knows which artifact it is about without guessing.

import { levelById } from './levels.ts'

export type MaterialIntent =
  | { type: 'revise'; artifactId: string }
  | { type: 'variants'; artifactId: string; levels: string[] }

/** The intent stored on a message, or undefined when there is none or it is malformed. */
export function parseIntent(value: unknown): MaterialIntent | undefined {
  if (!value || typeof value !== 'object') return undefined
  const v = value as Record<string, unknown>
  if (typeof v.artifactId !== 'string' || !v.artifactId) return undefined
  if (v.type === 'revise') return { type: 'revise', artifactId: v.artifactId }
  if (v.type === 'variants' && Array.isArray(v.levels)) {
    const levels = v.levels.filter((l): l is string => typeof l === 'string' && !!levelById(l))
    if (levels.length) return { type: 'variants', artifactId: v.artifactId, levels }
  }
  return undefined
}
