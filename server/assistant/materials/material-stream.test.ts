import { describe, expect, test } from 'vitest'
import { MaterialStream } from './material-stream.ts'

const args = JSON.stringify({ kind: 'quiz', title: 'Quiz', body: '## Frage 1\nWas ist 2+2?' })

describe('MaterialStream', () => {
  test('gathers a call from its pieces: drafts while it grows, the checked call at the end', () => {
    const stream = new MaterialStream(false)
    expect(stream.push({ type: 'text', text: 'Hier.' })).toBe('Hier.')
    stream.push({ type: 'tool', index: 0, id: 'c1', name: 'create_material', arguments: '' })
    stream.push({ type: 'tool', index: 0, arguments: args.slice(0, args.indexOf('age 1')) })
    expect(stream.drafts()).toEqual([
      { callId: 'c1', action: 'create', artifactId: undefined, kind: 'quiz', title: 'Quiz', body: '## Fr' },
    ])
    stream.push({ type: 'tool', index: 0, arguments: args.slice(args.indexOf('age 1')) })
    expect(stream.check()).toEqual({
      valid: [{ callId: 'c1', call: { action: 'create', args: JSON.parse(args) } }],
      rejected: [],
    })
  })

  test('whole calls sent without distinct indexes stay apart by their ids', () => {
    const stream = new MaterialStream(false)
    stream.push({ type: 'tool', index: 0, id: 'a', name: 'create_material', arguments: args })
    stream.push({ type: 'tool', index: 0, id: 'b', name: 'create_material', arguments: args })
    expect(stream.check().valid.map((c) => c.callId)).toEqual(['a', 'b'])
  })

  test('what a stop leaves is completed with defaults; a call without body is dropped', () => {
    const stream = new MaterialStream(false)
    stream.push({ type: 'tool', index: 0, id: 'a', name: 'create_material', arguments: '{"kind":"spe' })
    stream.push({ type: 'tool', index: 1, id: 'b', name: 'create_material', arguments: '{"level":"lei' })
    stream.push({ type: 'tool', index: 1, arguments: '","body":"Halb' })
    expect(stream.partial()).toEqual([
      {
        callId: 'b',
        call: { action: 'create', args: { kind: 'tasks', title: 'Ohne Titel (abgebrochen)', body: 'Halb' } },
      },
    ])
  })

  test('without tools, a block stopped mid-body is kept from the text with its header', () => {
    const stream = new MaterialStream(true)
    const prose = stream.push({
      type: 'text',
      text: 'Los.\n:::material {"kind":"quiz","title":"Q"}\n## Frage 1\nWas',
    })
    expect(prose).toBe('Los.\n*Material: Q*\n')
    expect(stream.end()).toBe('')
    expect(stream.partial()).toEqual([
      {
        callId: 'block-1',
        call: { action: 'create', args: { kind: 'quiz', title: 'Q', body: '## Frage 1\nWas' } },
      },
    ])
  })
})
