// Infinite lists: the "load more" button loads the next page by itself once it scrolls into view
// (and stays a button for keyboards and screen readers).

import { type RefObject, useEffect } from 'react'

export function useLoadMoreWhenVisible(
  button: RefObject<HTMLElement | null>,
  hasMore: boolean,
  loadMore: () => void,
): void {
  useEffect(() => {
    const el = button.current
    if (!hasMore || !el || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) loadMore()
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [button, hasMore, loadMore])
}
