// The functions the model calls to write a material, as zod schemas: one source for the tool
// definitions sent to the model (JSON Schema) and for checking the arguments it sends back, before
// anything is written. The text fallback's block header is checked by the same schemas.

import { z } from 'zod'
import { KIND_IDS, MATERIAL_KINDS } from '../../../src/materials/kinds/index.ts'
import { VARIANT_LEVELS } from '../../../src/materials/levels.ts'
import type { ChatTool } from '../openai-stream.ts'

export const CREATE_TOOL = 'create_material'
export const REVISE_TOOL = 'revise_material'

const LEVEL_IDS = VARIANT_LEVELS.map((l) => l.id) as [string, ...string[]]
const MAX_BODY = 200_000

const line = (max: number) => z.string().trim().min(1).max(max)

/** Everything about a new material except its body (also the fallback block's header). */
export const createHeader = z.object({
  kind: z.enum(KIND_IDS).describe('Die Art des Materials.'),
  title: line(200).describe('Kurzer Titel, wie er in der Materialsammlung stehen soll.'),
  subject: line(80).optional().describe('Fach, z. B. "Mathematik".'),
  grade: line(40).optional().describe('Klassenstufe, z. B. "7" oder "5/6".'),
  language: z.enum(['de', 'en']).optional().describe('Sprache des Materials (Standard: de).'),
  level: z.enum(LEVEL_IDS).optional().describe('Nur für eine differenzierte Variante: ihr Niveau.'),
  variantOf: line(64)
    .optional()
    .describe('Nur für eine Variante: die id des Originals, von dem sie abgeleitet ist.'),
})

export const createArgs = createHeader.extend({
  body: z.string().min(1).max(MAX_BODY).describe('Das ganze Material in Markdown.'),
})

/** A revision's header: which material, and optionally a new title and what changed. */
export const reviseHeader = z.object({
  artifactId: line(64).describe('Die id des Materials, das überarbeitet wird.'),
  title: line(200).optional().describe('Nur angeben, wenn sich der Titel ändern soll.'),
  note: line(200).optional().describe('Was sich geändert hat, in wenigen Worten.'),
})

export const reviseArgs = reviseHeader.extend({
  body: z
    .string()
    .min(1)
    .max(MAX_BODY)
    .describe('Die ganze neue Fassung in Markdown (nicht nur die Änderung).'),
})

export type CreateArgs = z.infer<typeof createArgs>
export type ReviseArgs = z.infer<typeof reviseArgs>

export type MaterialCall = { action: 'create'; args: CreateArgs } | { action: 'revise'; args: ReviseArgs }

/** The JSON Schema of a zod object, as function parameters (no `$schema` line). */
function parameters(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...json } = z.toJSONSchema(schema) as Record<string, unknown>
  return json
}

function kindList(): string {
  return MATERIAL_KINDS.map((k) => `- ${k.id}: ${k.guidance}`).join('\n')
}

export function materialTools(): ChatTool[] {
  return [
    {
      type: 'function',
      function: {
        name: CREATE_TOOL,
        description: [
          'Legt ein neues Unterrichtsmaterial in der Materialsammlung der Lehrkraft an.',
          'Nutze es, wenn die Antwort ein Material ist (Arbeitsblatt, Unterrichtsentwurf, Quiz, Test,',
          'Aufgaben mit Lösungen, Bewertungsraster, Elternbrief …). Arten:',
          kindList(),
        ].join('\n'),
        parameters: parameters(createArgs),
      },
    },
    {
      type: 'function',
      function: {
        name: REVISE_TOOL,
        description:
          'Speichert eine überarbeitete Fassung eines bestehenden Materials (eine neue Version, kein neues Material). ' +
          'Nutze es, wenn die Lehrkraft ein Material aus diesem Gespräch ändern will; body ist die ganze neue Fassung.',
        parameters: parameters(reviseArgs),
      },
    },
  ]
}

export type Validation = { ok: true; call: MaterialCall } | { ok: false; error: string }

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ')
}

/** Checks a finished tool call: its name and its JSON arguments against the schema. */
export function validateToolCall(name: string | undefined, rawArguments: string): Validation {
  if (name !== CREATE_TOOL && name !== REVISE_TOOL) return { ok: false, error: `unknown tool ${name}` }
  let json: unknown
  try {
    json = JSON.parse(rawArguments)
  } catch {
    return { ok: false, error: 'arguments are not JSON' }
  }
  if (name === CREATE_TOOL) {
    const parsed = createArgs.safeParse(json)
    return parsed.success
      ? { ok: true, call: { action: 'create', args: parsed.data } }
      : { ok: false, error: issues(parsed.error) }
  }
  const parsed = reviseArgs.safeParse(json)
  return parsed.success
    ? { ok: true, call: { action: 'revise', args: parsed.data } }
    : { ok: false, error: issues(parsed.error) }
}

/** Checks a fallback block: its header (JSON) with the same schemas, and its body. */
export function validateBlock(header: unknown, body: string): Validation {
  const isRevision = !!header && typeof header === 'object' && 'artifactId' in header
  if (isRevision) {
    const parsed = reviseArgs.safeParse({ ...(header as object), body })
    return parsed.success
      ? { ok: true, call: { action: 'revise', args: parsed.data } }
      : { ok: false, error: issues(parsed.error) }
  }
  const parsed = createArgs.safeParse({ ...(header as object), body })
  return parsed.success
    ? { ok: true, call: { action: 'create', args: parsed.data } }
    : { ok: false, error: issues(parsed.error) }
}
