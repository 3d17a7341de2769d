// The current path as a virtualized list: only the rows near the viewport are in the DOM, at any
// chat length. End-anchored (TanStack Virtual): older pages prepend without moving the message
// being read, and new or growing replies are followed only while the reader is at the bottom.

import { defaultRangeExtractor, elementScroll, type Range, useVirtualizer } from '@tanstack/react-virtual'
import { type FocusEvent, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import {
  type ChatMessage,
  type ChatTree,
  editAndResend,
  regenerate,
  stop,
  switchBranch,
} from '../../data/messages.ts'
import { useT } from '../../i18n/index.ts'
import { siblingsOf } from '../../lib/message-tree.ts'
import { createEndFollow } from './end-follow.ts'
import { MessageItem } from './MessageItem.tsx'
import { isNearTop } from './older-pages.ts'

interface Props {
  conversationId: string
  messages: readonly ChatMessage[]
  tree: ChatTree
  isLoadingOlder: boolean
  requestOlder: (wantsOlder: boolean) => void
  onError: (error: unknown) => void
}

const ESTIMATED_ROW_PX = 140
const FOLLOW_THRESHOLD_PX = 48

/** A reply can be asked for again when the request it answers (its parent) is a loaded user message. */
function canRegenerate(tree: ChatTree, m: ChatMessage): boolean {
  const parent = m.parentId ? tree.byId.get(m.parentId) : undefined
  return m.role === 'assistant' && parent?.role === 'user'
}

export function MessageList({
  conversationId,
  messages,
  tree,
  isLoadingOlder,
  requestOlder,
  onError,
}: Props) {
  const t = useT()
  const scrollRef = useRef<HTMLElement>(null)
  // The row holding keyboard focus stays rendered, so focus is never lost to virtualization.
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const indexById = useMemo(() => new Map(messages.map((m, i) => [m.id, i])), [messages])
  const focusedIndex = focusedId === null ? undefined : indexById.get(focusedId)

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (focusedIndex === undefined || indexes.includes(focusedIndex)) return indexes
      return [...indexes, focusedIndex].sort((a, b) => a - b)
    },
    [focusedIndex],
  )
  // Where the list last scrolled itself (row corrections, scrolls to the end): a scroll event that
  // lands there is the list's own doing, never the reader leaving the end.
  const ownScrollTarget = useRef<number | null>(null)
  const virtualizer = useVirtualizer({
    count: messages.length,
    scrollToFn: (offset, options, instance) => {
      ownScrollTarget.current = offset + (options.adjustments ?? 0)
      elementScroll(offset, options, instance)
    },
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (index) => messages[index]?.id ?? index,
    overscan: 4,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: FOLLOW_THRESHOLD_PX,
    rangeExtractor,
  })

  useLayoutEffect(() => {
    virtualizer.scrollToEnd()
  }, [virtualizer])

  // The list follows its end while the reader is there: when rows are measured after opening, a
  // reply grows or arrives while the virtualizer's own idea of the end lags behind the DOM's, and when
  // the space below the list changes (the composer grows with a draft, a notice or the phone keyboard
  // appears). Without this, every later reply would go unfollowed.
  useEffect(() => {
    const el = scrollRef.current
    if (!el) return
    const distanceToEnd = () => el.scrollHeight - el.scrollTop - el.clientHeight
    const follow = createEndFollow(el.scrollTop, FOLLOW_THRESHOLD_PX)
    const onScroll = () => {
      const top = el.scrollTop
      const target = ownScrollTarget.current
      ownScrollTarget.current = null
      follow.onScroll({
        top,
        distanceToEnd: distanceToEnd(),
        isOwn: target !== null && Math.abs(top - target) < 1.5,
      })
    }
    const canvas = el.firstElementChild
    const observer = new ResizeObserver(() => {
      if (follow.shouldScrollToEnd(distanceToEnd())) virtualizer.scrollToEnd()
    })
    el.addEventListener('scroll', onScroll, { passive: true })
    observer.observe(el)
    if (canvas) observer.observe(canvas)
    return () => {
      el.removeEventListener('scroll', onScroll)
      observer.disconnect()
    }
  }, [virtualizer])

  const scrollOffset = virtualizer.scrollOffset ?? 0
  const viewport = scrollRef.current?.clientHeight ?? 0
  const atEnd = virtualizer.isAtEnd(FOLLOW_THRESHOLD_PX)
  // Until the list has a viewport and sits at its end, offset 0 only means "not positioned yet":
  // read as "near the top", it would load a second page on every open. Once positioned, a first
  // page that does not fill the screen is near the top and still brings the next one.
  const [isPositioned, setPositioned] = useState(false)
  useEffect(() => {
    if (atEnd && viewport > 0) setPositioned(true)
  }, [atEnd, viewport])
  const nearTop = isPositioned && isNearTop(scrollOffset, viewport)
  useEffect(() => requestOlder(nearTop), [nearTop, requestOlder])

  const run = useCallback(
    (write: () => Promise<unknown>) => {
      write().catch(onError)
    },
    [onError],
  )
  const handlers = useMemo(
    () => ({
      onEdit: (m: ChatMessage, text: string) => run(() => editAndResend(conversationId, m, text).saved),
      onRegenerate: (m: ChatMessage) => run(() => regenerate(conversationId, m)),
      onStop: (m: ChatMessage) => run(() => stop(m.id)),
    }),
    [conversationId, run],
  )
  // Read through a ref: the tree changes with every streamed token, the rows must not re-render.
  const treeRef = useRef(tree)
  treeRef.current = tree
  const onStepSibling = useCallback(
    (m: ChatMessage, delta: -1 | 1) => {
      const siblings = siblingsOf(treeRef.current, m.id)
      const target = siblings?.ids[siblings.index + delta]
      if (target) run(() => switchBranch(conversationId, target, treeRef.current))
    },
    [conversationId, run],
  )

  function onFocus(event: FocusEvent<HTMLElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
    const index = row ? Number(row.dataset.index) : Number.NaN
    setFocusedId(messages[index]?.id ?? null)
  }
  function onBlur(event: FocusEvent<HTMLElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusedId(null)
  }

  return (
    <div className="message-list-frame">
      {isLoadingOlder && (
        <p className="message-list__older" role="status">
          {t('chat.loadingOlder')}
        </p>
      )}
      <section
        ref={scrollRef}
        className="message-list"
        aria-label={t('chat.messages')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable history must be keyboard-scrollable
        tabIndex={0}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <div className="message-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const message = messages[item.index]
            if (!message) return null
            const siblings = siblingsOf(tree, message.id)
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="message-list__row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <MessageItem
                  conversationId={conversationId}
                  message={message}
                  canRegenerate={canRegenerate(tree, message)}
                  siblingIndex={siblings?.index ?? 0}
                  siblingCount={siblings?.ids.length ?? 1}
                  onStepSibling={onStepSibling}
                  {...handlers}
                />
              </div>
            )
          })}
        </div>
      </section>
      {!atEnd && (
        <button
          type="button"
          className="button message-list__jump"
          aria-label={t('chat.jumpToLatest')}
          onClick={() => virtualizer.scrollToEnd()}
        >
          <span className="message-list__jump-label" aria-hidden="true">
            {t('chat.jumpToLatest')}
          </span>
          <span aria-hidden="true">↓</span>
        </button>
      )}
    </div>
  )
}
