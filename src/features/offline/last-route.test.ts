// Where the installed app reopens: the last real route, only for a plain launch at the start URL.

import { describe, expect, it } from 'vitest'
import { isResumable, resumeTarget } from './last-route.ts'

const CHAT = '/c/0b7e3f52-7d4e-4c1a-9a55-3f4c2d1e9b10'

describe('resumeTarget', () => {
  it('reopens the stored chat or library on a plain launch at /', () => {
    expect(resumeTarget({ pathname: '/', search: '' }, CHAT)).toBe(CHAT)
    expect(resumeTarget({ pathname: '/', search: '' }, '/library')).toBe('/library')
  })

  it('keeps a shortcut or deep link where it asked to go', () => {
    expect(resumeTarget({ pathname: '/', search: '?shortcut=new-chat' }, CHAT)).toBeNull()
    expect(resumeTarget({ pathname: '/library', search: '' }, CHAT)).toBeNull()
  })

  it('stays home without a stored route, or when it was home or no route at all', () => {
    expect(resumeTarget({ pathname: '/', search: '' }, null)).toBeNull()
    expect(resumeTarget({ pathname: '/', search: '' }, '/')).toBeNull()
    expect(resumeTarget({ pathname: '/', search: '' }, '/c/not-an-id')).toBeNull()
  })
})

describe('isResumable', () => {
  it('accepts the routes of the app but the start page', () => {
    expect(isResumable(`${CHAT}/m/0b7e3f52-7d4e-4c1a-9a55-3f4c2d1e9b11`)).toBe(true)
    expect(isResumable('/settings')).toBe(true)
    expect(isResumable('/')).toBe(false)
    expect(isResumable('https://evil.example/')).toBe(false)
  })
})
