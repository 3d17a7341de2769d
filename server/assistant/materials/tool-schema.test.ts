import { describe, expect, test } from 'vitest'
import { KIND_IDS } from '../../../src/materials/kinds/index.ts'
import { intentInstructions, knownMaterials } from '../prompts/material-prompt.ts'
import { materialTools, validateBlock, validateToolCall } from './tool-schema.ts'

const material = { id: 'a1', kind: 'quiz', title: 'Quiz', latestVersion: 3, body: 'x'.repeat(50) }

describe('material tools', () => {
  test('the create tool offers exactly the known kinds and requires kind, title and body', () => {
    const [create, revise] = materialTools()
    const params = create!.function.parameters as {
      properties: { kind: { enum: string[] } }
      required: string[]
    }
    expect(params.properties.kind.enum).toEqual(KIND_IDS)
    expect(params.required.sort()).toEqual(['body', 'kind', 'title'])
    expect(params).not.toHaveProperty('$schema')
    expect(revise!.function.name).toBe('revise_material')
  })

  test('arguments are checked: unknown tool, not JSON, wrong kind, empty title are refused with a reason', () => {
    expect(validateToolCall('delete_all', '{}')).toEqual({ ok: false, error: 'unknown tool delete_all' })
    expect(validateToolCall('create_material', '{"kind":')).toEqual({
      ok: false,
      error: 'arguments are not JSON',
    })
    const wrong = validateToolCall('create_material', '{"kind":"spell","title":" ","body":"b"}')
    expect(wrong.ok).toBe(false)
    expect(!wrong.ok && wrong.error).toMatch(/kind.*title/s)
    expect(validateToolCall('create_material', '{"kind":"quiz","title":" Quiz ","body":"b"}')).toEqual({
      ok: true,
      call: { action: 'create', args: { kind: 'quiz', title: 'Quiz', body: 'b' } },
    })
  })

  test('a block header is checked by the same schemas: a revision when it names an artifact', () => {
    expect(validateBlock({ artifactId: 'a1' }, 'neu')).toEqual({
      ok: true,
      call: { action: 'revise', args: { artifactId: 'a1', body: 'neu' } },
    })
    expect(validateBlock({ kind: 'quiz', title: 'Q', level: 'Z' }, 'b').ok).toBe(false)
  })
})

describe('material prompt', () => {
  test('lists materials with id and version, bodies only as far as the budget reaches', () => {
    const text = knownMaterials([material, { ...material, id: 'a2' }], 60)!
    expect(text).toContain('id=a1 (quiz, Version 3): Quiz\nxxxxx')
    expect(text).toContain('id=a2 (quiz, Version 3): Quiz\n(Inhalt zu lang')
    expect(knownMaterials([], 100)).toBeUndefined()
  })

  test('a revise intent names the artifact and the tool; a variants intent each level with its guidance', () => {
    expect(intentInstructions({ type: 'revise', artifactId: 'a1' }, material, 'tools')).toContain(
      'revise_material (artifactId "a1")',
    )
    const variants = intentInstructions(
      { type: 'variants', artifactId: 'a1', levels: ['daz'] },
      material,
      'blocks',
    )
    expect(variants).toContain('level "daz": für Deutsch als Zweitsprache')
    expect(variants).toContain('"variantOf":"a1"')
  })
})
