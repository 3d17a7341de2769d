// "Opens where the teacher left off": every route is remembered, and a launch of the installed app
// at its start URL goes back to the last one. A browser tab or a shortcut always opens what it asked for.

import { useEffect, useRef } from 'react'
import { useLocation } from 'wouter'
import { parseRoute } from '../../lib/routes.ts'
import { isStandalone } from './install-state.ts'

export const LAST_ROUTE_KEY = 'eduhu.lastRoute'

/** A path worth reopening: a real route of the app other than the start page. */
export function isResumable(path: string): boolean {
  const name = parseRoute(path).name
  return name !== 'home' && name !== 'notFound'
}

/** Where a launch should go: the stored route when the app starts plainly at '/', else nowhere. */
export function resumeTarget(
  launch: { pathname: string; search: string },
  stored: string | null,
): string | null {
  if (launch.pathname !== '/' || launch.search !== '' || !stored) return null
  return isResumable(stored) ? stored : null
}

function readStored(): string | null {
  try {
    return localStorage.getItem(LAST_ROUTE_KEY)
  } catch {
    return null
  }
}

/** Remembers the route; on the installed app's launch at '/', replaces it with the stored one. */
export function useResumeLastRoute(): void {
  const [location, setLocation] = useLocation()
  // The launch URL, read once: later visits to '/' inside the app are the teacher's own choice.
  const launch = useRef({ pathname: window.location.pathname, search: window.location.search })
  const hasResumed = useRef(false)

  useEffect(() => {
    if (hasResumed.current) return
    hasResumed.current = true
    if (!isStandalone()) return
    const target = resumeTarget(launch.current, readStored())
    if (target) setLocation(target, { replace: true })
  }, [setLocation])

  useEffect(() => {
    if (!hasResumed.current) return
    try {
      // The start page is stored too, so a teacher who went home last time starts at home.
      localStorage.setItem(LAST_ROUTE_KEY, location)
    } catch {
      // Private mode or a full quota: resuming is a convenience, never worth an error.
    }
  }, [location])
}
