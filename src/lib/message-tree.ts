// The message tree of one conversation as far as it is loaded: the current path, siblings for the
// branch switcher and the newest leaf under a message. Pure: no React, no db, so it is unit-tested.

export interface TreeMessage {
  id: string
  /** null for a root message; set (even when the parent is not loaded yet) otherwise. */
  parentId: string | null
  createdAt: number
  role: string
  status: string
}

export interface MessageTree<M extends TreeMessage = TreeMessage> {
  byId: Map<string, M>
  /** Children per parent id (null = roots), oldest first. */
  children: Map<string | null, M[]>
  newest: M | undefined
  oldest: M | undefined
}

export interface MessagePath<M extends TreeMessage = TreeMessage> {
  /** Oldest first. */
  messages: M[]
  /** True when the path continues into messages that are not loaded yet (older pages). */
  isTruncated: boolean
}

export interface SiblingInfo {
  /** 0-based position among the siblings, oldest first. */
  index: number
  ids: string[]
}

/** Indexes the loaded messages; duplicates (a row briefly in two page chunks) collapse by id. */
export function buildTree<M extends TreeMessage>(messages: readonly M[]): MessageTree<M> {
  const byId = new Map<string, M>()
  for (const m of messages) byId.set(m.id, m)
  const children = new Map<string | null, M[]>()
  let newest: M | undefined
  let oldest: M | undefined
  for (const m of byId.values()) {
    const list = children.get(m.parentId)
    if (list) list.push(m)
    else children.set(m.parentId, [m])
    if (!newest || isNewer(m, newest)) newest = m
    if (!oldest || isNewer(oldest, m)) oldest = m
  }
  for (const list of children.values()) list.sort((a, b) => (isNewer(a, b) ? 1 : -1))
  return { byId, children, newest, oldest }
}

/** Order by createdAt, ties broken by id, matching the server's (value, eid) order. */
function isNewer(a: TreeMessage, b: TreeMessage): boolean {
  return a.createdAt === b.createdAt ? a.id > b.id : a.createdAt > b.createdAt
}

/**
 * A user message still waiting for its reply ends the path even if it has older children: after a
 * regenerate those are the previous replies, kept as a sibling branch, not the answer awaited.
 */
export function isAwaitingReply(m: TreeMessage): boolean {
  return m.role === 'user' && m.status === 'pending'
}

/** Follows the newest child down from `id` until a leaf (or a message awaiting its reply). */
export function newestLeaf<M extends TreeMessage>(tree: MessageTree<M>, id: string): M | undefined {
  let node = tree.byId.get(id)
  while (node && !isAwaitingReply(node)) {
    const kids = tree.children.get(node.id)
    const next = kids?.[kids.length - 1]
    if (!next) break
    node = next
  }
  return node
}

/**
 * The path shown to the reader: the ancestors of the active message, then down its newest
 * children (so a reply whose writer did not move activeMessage still shows). Without an active
 * message the newest loaded message is the leaf. An active message that is not loaded yet gives an
 * empty, truncated path: older pages must load first.
 */
export function currentPath<M extends TreeMessage>(
  tree: MessageTree<M>,
  activeId: string | null | undefined,
): MessagePath<M> {
  const start = activeId ? tree.byId.get(activeId) : tree.newest
  if (!start) return { messages: [], isTruncated: Boolean(activeId) }
  const leaf = newestLeaf(tree, start.id) ?? start
  const messages: M[] = []
  const seen = new Set<string>()
  let node: M | undefined = leaf
  let isTruncated = false
  while (node && !seen.has(node.id)) {
    seen.add(node.id)
    messages.push(node)
    if (node.parentId === null) break
    const parent = tree.byId.get(node.parentId)
    if (!parent) isTruncated = true
    node = parent
  }
  return { messages: messages.reverse(), isTruncated }
}

/** Where `id` sits among the messages sharing its parent; undefined when it has no siblings. */
export function siblingsOf(tree: MessageTree, id: string): SiblingInfo | undefined {
  const m = tree.byId.get(id)
  if (!m) return undefined
  const list = tree.children.get(m.parentId) ?? []
  if (list.length < 2) return undefined
  return { index: list.findIndex((s) => s.id === id), ids: list.map((s) => s.id) }
}
