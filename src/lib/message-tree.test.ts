import { describe, expect, it } from 'vitest'
import { buildTree, currentPath, newestLeaf, siblingsOf, type TreeMessage } from './message-tree.ts'

let clock = 0
function msg(id: string, parentId: string | null, role = 'user', status = 'done'): TreeMessage {
  clock += 10
  return { id, parentId, createdAt: clock, role, status }
}

// u1 → a1 → u2 → a2, then u2 edited into u2b → a2b (newer branch)
function branched() {
  return [
    msg('u1', null),
    msg('a1', 'u1', 'assistant'),
    msg('u2', 'a1'),
    msg('a2', 'u2', 'assistant'),
    msg('u2b', 'a1'),
    msg('a2b', 'u2b', 'assistant'),
  ]
}

const ids = (ms: TreeMessage[]) => ms.map((m) => m.id)

describe('currentPath', () => {
  it('follows parent links from the active message up to the root', () => {
    const tree = buildTree(branched())
    expect(ids(currentPath(tree, 'a2').messages)).toEqual(['u1', 'a1', 'u2', 'a2'])
    expect(ids(currentPath(tree, 'a2b').messages)).toEqual(['u1', 'a1', 'u2b', 'a2b'])
  })

  it('descends to the newest child when the reply writer did not move the active message', () => {
    const tree = buildTree(branched())
    expect(ids(currentPath(tree, 'u2b').messages)).toEqual(['u1', 'a1', 'u2b', 'a2b'])
  })

  it('stops at a user message awaiting a new reply, hiding the previous reply', () => {
    const ms = branched()
    const u2b = ms.find((m) => m.id === 'u2b')!
    u2b.status = 'pending'
    const path = currentPath(buildTree(ms), 'u2b')
    expect(ids(path.messages)).toEqual(['u1', 'a1', 'u2b'])
  })

  it('uses the newest loaded message without an active message', () => {
    expect(ids(currentPath(buildTree(branched()), null).messages)).toEqual(['u1', 'a1', 'u2b', 'a2b'])
  })

  it('reports a truncated path when the parent is on an older page', () => {
    const tree = buildTree(branched().slice(2))
    const path = currentPath(tree, 'a2')
    expect(ids(path.messages)).toEqual(['u2', 'a2'])
    expect(path.isTruncated).toBe(true)
  })

  it('is empty and truncated while the active message is not loaded', () => {
    const path = currentPath(buildTree(branched().slice(3)), 'u1')
    expect(path).toEqual({ messages: [], isTruncated: true })
  })

  it('collapses a message that appears in two page chunks', () => {
    const ms = branched()
    const tree = buildTree([...ms, ms[0]!])
    expect(currentPath(tree, 'a2').messages).toHaveLength(4)
  })
})

describe('siblingsOf', () => {
  it('lists messages with the same parent, oldest first', () => {
    const tree = buildTree(branched())
    expect(siblingsOf(tree, 'u2b')).toEqual({ index: 1, ids: ['u2', 'u2b'] })
    expect(siblingsOf(tree, 'u2')).toEqual({ index: 0, ids: ['u2', 'u2b'] })
  })

  it('has no switcher for an only child', () => {
    expect(siblingsOf(buildTree(branched()), 'a2')).toBeUndefined()
  })

  it('treats edited first messages as sibling roots', () => {
    const tree = buildTree([msg('r1', null), msg('r2', null)])
    expect(siblingsOf(tree, 'r2')).toEqual({ index: 1, ids: ['r1', 'r2'] })
  })

  it('breaks createdAt ties by id like the server', () => {
    const tree = buildTree([
      { id: 'b', parentId: 'p', createdAt: 5, role: 'user', status: 'done' },
      { id: 'a', parentId: 'p', createdAt: 5, role: 'user', status: 'done' },
    ])
    expect(siblingsOf(tree, 'a')?.ids).toEqual(['a', 'b'])
  })
})

describe('newestLeaf', () => {
  it('finds the newest leaf under a message for the branch switcher', () => {
    const tree = buildTree(branched())
    expect(newestLeaf(tree, 'u2')?.id).toBe('a2')
    expect(newestLeaf(tree, 'a1')?.id).toBe('a2b')
  })
})
