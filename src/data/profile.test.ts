import { getOps } from '@instantdb/core'
import { tx } from '@instantdb/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// Only the transact call is replaced: the test reads the exact tx-steps the real builder makes.
const transact = vi.hoisted(() => vi.fn())
vi.mock('./db.ts', () => ({ db: { tx, transact } }))

const { InvalidTeacherProfileError, saveTeacherProfile } = await import('./profile.ts')

type Existing = Parameters<typeof saveTeacherProfile>[1]
const stepsOf = (call: number) => getOps(transact.mock.calls[call]![0])

describe('saveTeacherProfile', () => {
  beforeEach(() => {
    transact.mockReset().mockResolvedValue({ status: 'synced', clientId: 'c' })
  })

  it('creates the profile on the first save, linked to its owner, with normalized values', async () => {
    await saveTeacherProfile('user-1', undefined, {
      displayName: ' Frau Berger ',
      subjects: ['Physik', ' physik', 'Chemie'],
      grades: ['10', '9', '10'],
    })
    const [update, link] = stepsOf(0)
    expect(update?.[0]).toBe('update')
    expect(update?.[1]).toBe('profiles')
    expect(update?.[3]).toMatchObject({
      displayName: 'Frau Berger',
      subjects: ['Physik', 'Chemie'],
      grades: ['9', '10'],
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
    })
    expect(link).toEqual(['link', 'profiles', update?.[2], { owner: 'user-1' }])
  })

  it('updates the existing profile without a new link or createdAt, and clears blank fields', async () => {
    await saveTeacherProfile('user-1', { id: 'p-1' } as Existing, { bundesland: 'Bayern', schoolType: ' ' })
    const steps = stepsOf(0)
    expect(steps).toHaveLength(1)
    expect(steps[0]?.slice(0, 3)).toEqual(['update', 'profiles', 'p-1'])
    expect(steps[0]?.[3]).toEqual({ bundesland: 'Bayern', schoolType: null, updatedAt: expect.any(Number) })
  })

  it('writes nothing for values that break the contract', async () => {
    const save = saveTeacherProfile('user-1', undefined, { displayName: 'x'.repeat(81), grades: ['14'] })
    await expect(save).rejects.toBeInstanceOf(InvalidTeacherProfileError)
    await expect(save).rejects.toMatchObject({
      issues: [
        { field: 'displayName', kind: 'too-long', length: 81 },
        { field: 'grades', kind: 'unknown-value', value: '14' },
      ],
    })
    expect(transact).not.toHaveBeenCalled()
  })
})
