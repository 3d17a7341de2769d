import { describe, expect, it } from 'vitest'
import { type KeyPress, keyAction, limitState, promptLength } from './composer-keys.ts'

const press = (over: Partial<KeyPress>): KeyPress => ({
  key: 'Enter',
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  isComposing: false,
  ...over,
})

describe('keyAction', () => {
  it('sends on Enter and breaks the line on Shift+Enter in "Enter sendet" mode', () => {
    expect(keyAction(press({}), 'enter')).toBe('send')
    expect(keyAction(press({ shiftKey: true }), 'enter')).toBe('default')
  })

  it('breaks the line on Enter and sends on Ctrl+Enter or ⌘+Enter in "Strg+Enter sendet" mode', () => {
    expect(keyAction(press({}), 'ctrl-enter')).toBe('default')
    expect(keyAction(press({ ctrlKey: true }), 'ctrl-enter')).toBe('send')
    expect(keyAction(press({ metaKey: true }), 'ctrl-enter')).toBe('send')
  })

  it('never sends while an input method is composing', () => {
    expect(keyAction(press({ isComposing: true }), 'enter')).toBe('default')
    expect(keyAction(press({ isComposing: true, ctrlKey: true }), 'ctrl-enter')).toBe('default')
  })

  it('ignores other keys and Alt+Enter', () => {
    expect(keyAction(press({ key: 'a' }), 'enter')).toBe('default')
    expect(keyAction(press({ altKey: true }), 'enter')).toBe('default')
  })
})

describe('limitState', () => {
  it('hides the counter well below the limit', () => {
    expect(limitState('a'.repeat(6999))).toEqual({ length: 6999, showCounter: false, overBy: 0 })
  })

  it('shows the counter near the limit and reports how far it is exceeded', () => {
    expect(limitState('a'.repeat(8000))).toEqual({ length: 8000, showCounter: true, overBy: 0 })
    expect(limitState('a'.repeat(8003))).toEqual({ length: 8003, showCounter: true, overBy: 3 })
  })

  it('counts code points, so an emoji outside the BMP counts once, not twice', () => {
    expect(promptLength('😀😀')).toBe(2)
    expect(promptLength('Grüße')).toBe(5)
  })
})
