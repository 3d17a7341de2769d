import { beforeEach, describe, expect, it } from 'vitest'
import { DRAFT_STORAGE_KEY, MAX_DRAFTS, useDraftStore } from './draft-store.ts'

const store = () => useDraftStore.getState()
const stored = () => JSON.parse(localStorage.getItem(DRAFT_STORAGE_KEY) ?? '{}').state?.drafts ?? {}

describe('draft store', () => {
  beforeEach(() => {
    localStorage.clear()
    useDraftStore.setState({ drafts: {} })
  })

  it('keeps one draft per conversation', () => {
    store().setDraft('a', 'Arbeitsblatt')
    store().setDraft('b', 'Quiz')
    expect(store().drafts.a?.text).toBe('Arbeitsblatt')
    expect(store().drafts.b?.text).toBe('Quiz')
  })

  it('writes drafts to localStorage so they survive a reload', async () => {
    store().setDraft('a', 'halb geschrieben')
    expect(stored().a.text).toBe('halb geschrieben')
    // A reload: memory starts empty, localStorage still holds what was written.
    const saved = localStorage.getItem(DRAFT_STORAGE_KEY)!
    useDraftStore.setState({ drafts: {} })
    localStorage.setItem(DRAFT_STORAGE_KEY, saved)
    await useDraftStore.persist.rehydrate()
    expect(store().drafts.a?.text).toBe('halb geschrieben')
  })

  it('drops the entry when the text becomes empty', () => {
    store().setDraft('a', 'x')
    store().setDraft('a', '')
    expect(store().drafts).toEqual({})
  })

  it('clears a draft only while it still holds the sent text', () => {
    store().setDraft('a', 'first')
    store().setDraft('a', 'first and more')
    store().clearDraft('a', 'first')
    expect(store().drafts.a?.text).toBe('first and more')
    store().clearDraft('a', 'first and more')
    expect(store().drafts.a).toBeUndefined()
  })

  it('keeps at most MAX_DRAFTS drafts, dropping the oldest', () => {
    for (let i = 0; i <= MAX_DRAFTS; i++) {
      useDraftStore.setState(({ drafts }) => ({
        drafts: { ...drafts, [`c${i}`]: { text: 't', updatedAt: i } },
      }))
    }
    store().setDraft('newest', 'n')
    const ids = Object.keys(store().drafts)
    expect(ids).toHaveLength(MAX_DRAFTS)
    expect(ids).toContain('newest')
    expect(ids).not.toContain('c0')
    expect(ids).not.toContain('c1')
  })

  it('takes over drafts another tab wrote', async () => {
    localStorage.setItem(
      DRAFT_STORAGE_KEY,
      JSON.stringify({ state: { drafts: { x: { text: 'aus Tab 2', updatedAt: 1 } } }, version: 1 }),
    )
    window.dispatchEvent(new StorageEvent('storage', { key: DRAFT_STORAGE_KEY }))
    await new Promise((r) => setTimeout(r, 0))
    expect(store().drafts.x?.text).toBe('aus Tab 2')
  })
})
