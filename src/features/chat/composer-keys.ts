// What a key press in the composer means, given the teacher's send-key setting. Pure, unit-tested.

import type { SendKey } from '../settings/index.ts'

export interface KeyPress {
  key: string
  shiftKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  /** True while an input method (e.g. for accents or CJK) is composing: Enter confirms, never sends. */
  isComposing: boolean
}

/** 'send' submits the prompt; 'default' lets the textarea handle the key (e.g. insert a line break). */
export type KeyAction = 'send' | 'default'

export function keyAction(press: KeyPress, sendKey: SendKey): KeyAction {
  if (press.key !== 'Enter' || press.isComposing || press.altKey) return 'default'
  const withModifier = press.ctrlKey || press.metaKey
  // Ctrl/⌘+Enter sends in both modes, so a habit from other chat apps never loses a prompt.
  if (withModifier) return 'send'
  if (sendKey === 'enter' && !press.shiftKey) return 'send'
  return 'default'
}

export const MAX_PROMPT_CHARS = 8000
/** The counter appears from here on, so it does not distract while writing normally. */
export const COUNTER_FROM_CHARS = 7000

/** Length in code points: an emoji is one character, not two UTF-16 units as `length` says. */
export function promptLength(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

export interface LimitState {
  length: number
  showCounter: boolean
  overBy: number
}

export function limitState(text: string, max = MAX_PROMPT_CHARS, from = COUNTER_FROM_CHARS): LimitState {
  const length = promptLength(text)
  return { length, showCounter: length >= from, overBy: Math.max(0, length - max) }
}
