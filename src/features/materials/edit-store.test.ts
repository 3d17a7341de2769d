// The kept hand edits of materials: one per material, in localStorage, dropped when done, pruned.
import { beforeEach, describe, expect, it } from 'vitest'
import { EDIT_STORAGE_KEY, keptEdit, MAX_KEPT_EDITS, useEditStore } from './edit-store.ts'

const store = () => useEditStore.getState()
const stored = () => JSON.parse(localStorage.getItem(EDIT_STORAGE_KEY) ?? '{}').state?.edits ?? {}

describe('material edit store', () => {
  beforeEach(() => {
    localStorage.clear()
    useEditStore.setState({ edits: {} })
  })

  it('keeps an edit per material in localStorage, where a reload finds it', async () => {
    store().keepEdit('m1', { versionId: 'v1', body: '# Neu', note: 'schwerer' })
    expect(stored().m1).toMatchObject({ versionId: 'v1', body: '# Neu', note: 'schwerer' })
    const saved = localStorage.getItem(EDIT_STORAGE_KEY)!
    useEditStore.setState({ edits: {} })
    localStorage.setItem(EDIT_STORAGE_KEY, saved)
    await useEditStore.persist.rehydrate()
    expect(keptEdit('m1')).toMatchObject({ versionId: 'v1', body: '# Neu' })
    expect(keptEdit('m2')).toBeUndefined()
  })

  it('drops an edit once saved or cancelled, leaving the others', () => {
    store().keepEdit('m1', { versionId: 'v1', body: 'a', note: '' })
    store().keepEdit('m2', { versionId: 'v9', body: 'b', note: '' })
    store().dropEdit('m1')
    expect(keptEdit('m1')).toBeUndefined()
    expect(stored().m1).toBeUndefined()
    expect(keptEdit('m2')?.body).toBe('b')
  })

  it(`keeps at most ${MAX_KEPT_EDITS} edits, dropping the oldest`, () => {
    for (let i = 0; i <= MAX_KEPT_EDITS; i++) {
      store().keepEdit(`m${i}`, { versionId: 'v', body: String(i), note: '' })
      // Distinct times without waiting: the prune sorts by updatedAt.
      useEditStore.setState(({ edits }) => ({
        edits: { ...edits, [`m${i}`]: { ...edits[`m${i}`]!, updatedAt: i } },
      }))
    }
    store().keepEdit('newest', { versionId: 'v', body: 'n', note: '' })
    expect(Object.keys(store().edits)).toHaveLength(MAX_KEPT_EDITS)
    expect(keptEdit('m0')).toBeUndefined()
    expect(keptEdit('m1')).toBeUndefined()
    expect(keptEdit('newest')?.body).toBe('n')
  })
})
