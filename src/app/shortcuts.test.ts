import { describe, expect, it } from 'vitest'
import { isTextEntry, type ShortcutPress, shortcutFor } from './shortcuts.ts'

const key = (k: string, over: Partial<ShortcutPress> = {}): ShortcutPress => ({
  key: k,
  code: '',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...over,
})

describe('shortcutFor', () => {
  it('starts a new chat on Alt+N, even on a Mac keyboard where Alt+N types "˜"', () => {
    expect(shortcutFor(key('n', { code: 'KeyN', altKey: true }), false)).toBe('newChat')
    expect(shortcutFor(key('˜', { code: 'KeyN', altKey: true }), true)).toBe('newChat')
    expect(shortcutFor(key('n', { code: 'KeyN', altKey: true, ctrlKey: true }), false)).toBeNull()
  })

  it('focuses the search on Ctrl+K or ⌘+K anywhere, and on "/" outside text fields', () => {
    expect(shortcutFor(key('k', { ctrlKey: true }), true)).toBe('focusSearch')
    expect(shortcutFor(key('K', { metaKey: true }), false)).toBe('focusSearch')
    expect(shortcutFor(key('/'), false)).toBe('focusSearch')
    expect(shortcutFor(key('/'), true)).toBeNull()
  })

  it('opens the help on "?" but lets "?" be typed in a text field', () => {
    expect(shortcutFor(key('?', { shiftKey: true }), false)).toBe('openHelp')
    expect(shortcutFor(key('?', { shiftKey: true }), true)).toBeNull()
  })

  it('jumps to the composer on Shift+Escape', () => {
    expect(shortcutFor(key('Escape', { shiftKey: true }), true)).toBe('focusComposer')
    expect(shortcutFor(key('Escape'), false)).toBeNull()
  })

  it('leaves ordinary typing alone', () => {
    expect(shortcutFor(key('a'), false)).toBeNull()
    expect(shortcutFor(key('n', { code: 'KeyN' }), false)).toBeNull()
  })
})

describe('isTextEntry', () => {
  it('counts text inputs and textareas, not checkboxes or buttons', () => {
    const make = (html: string) => {
      document.body.innerHTML = html
      return document.body.firstElementChild
    }
    expect(isTextEntry(make('<input type="search">'))).toBe(true)
    expect(isTextEntry(make('<textarea></textarea>'))).toBe(true)
    expect(isTextEntry(make('<input type="checkbox">'))).toBe(false)
    expect(isTextEntry(make('<button></button>'))).toBe(false)
    expect(isTextEntry(null)).toBe(false)
  })
})
