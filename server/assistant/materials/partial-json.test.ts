import { describe, expect, test } from 'vitest'
import { readPartialObject } from './partial-json.ts'

const args = { kind: 'quiz', title: 'Brüche "leicht"', grade: 6, body: 'Zeile 1\nZeile 2 \\ Ende ✓' }
const json = JSON.stringify(args)

describe('readPartialObject', () => {
  test('reads a whole object like JSON.parse', () => {
    expect(readPartialObject(json)).toEqual(args)
  })

  test('every prefix gives the finished fields and a prefix of the string being written', () => {
    for (let k = 0; k <= json.length; k++) {
      const got = readPartialObject(json.slice(0, k))
      for (const [key, value] of Object.entries(got)) {
        const whole = args[key as keyof typeof args]
        if (typeof whole === 'string') expect(whole.startsWith(value as string)).toBe(true)
        else expect(value).toBe(whole)
      }
    }
    expect(readPartialObject(json.slice(0, json.indexOf('Zeile 2')))).toMatchObject({ body: 'Zeile 1\n' })
  })

  test('an escape cut in half is left out until it is complete', () => {
    expect(readPartialObject('{"body":"a\\')).toEqual({ body: 'a' })
    expect(readPartialObject('{"body":"a\\u00')).toEqual({ body: 'a' })
    expect(readPartialObject('{"body":"a\\u00fc')).toEqual({ body: 'aü' })
  })

  test('a number is read only once it is known to be whole', () => {
    expect(readPartialObject('{"grade":1')).toEqual({})
    expect(readPartialObject('{"grade":12,')).toEqual({ grade: 12 })
  })

  test('what is not an object gives nothing, never an exception', () => {
    expect(readPartialObject('')).toEqual({})
    expect(readPartialObject('[1,2]')).toEqual({})
    expect(readPartialObject('{"a":{"nested":1}}')).toEqual({})
  })
})
