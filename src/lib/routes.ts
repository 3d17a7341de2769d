// The app's URLs: parse a pathname into a route and build paths. Pure, so deep links, reloads and
// the 404 case are unit-tested; the shell renders whatever parseRoute says.

export type Route =
  | { name: 'home' }
  /** `artifactId`: a material open beside the chat (full screen on a phone). */
  | { name: 'chat'; conversationId: string; artifactId?: string }
  | { name: 'library' }
  | { name: 'artifact'; artifactId: string }
  | { name: 'profile' }
  | { name: 'settings' }
  | { name: 'privacy' }
  | { name: 'notFound' }

export type RouteName = Route['name']

// Instant entity ids are UUIDs; anything else can never be a conversation or artifact, so it is a 404.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const STATIC: Record<string, Route> = {
  '/': { name: 'home' },
  '/library': { name: 'library' },
  '/profile': { name: 'profile' },
  '/settings': { name: 'settings' },
  '/privacy': { name: 'privacy' },
}

export function parseRoute(pathname: string): Route {
  // One trailing slash is forgiven ("/library/"), as servers and people add it.
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname
  const fixed = STATIC[path]
  if (fixed) return fixed
  const chat = /^\/c\/([^/]+)(?:\/m\/([^/]+))?$/.exec(path)
  if (chat?.[1] && UUID.test(chat[1])) {
    const conversationId = chat[1].toLowerCase()
    if (chat[2] === undefined) return { name: 'chat', conversationId }
    if (UUID.test(chat[2])) return { name: 'chat', conversationId, artifactId: chat[2].toLowerCase() }
  }
  const artifact = /^\/library\/([^/]+)$/.exec(path)
  if (artifact?.[1] && UUID.test(artifact[1]))
    return { name: 'artifact', artifactId: artifact[1].toLowerCase() }
  return { name: 'notFound' }
}

export const paths = {
  home: '/',
  chat: (conversationId: string) => `/c/${conversationId}`,
  library: '/library',
  artifact: (artifactId: string) => `/library/${artifactId}`,
  /** A material open beside the chat it belongs to. */
  material: (conversationId: string, artifactId: string) => `/c/${conversationId}/m/${artifactId}`,
  profile: '/profile',
  settings: '/settings',
  privacy: '/privacy',
} as const

/** The main navigation entry a route belongs to (a chat belongs to "Chats", an artifact to the library). */
export function navSection(route: Route): 'chats' | 'library' | 'profile' | 'settings' | null {
  if (route.name === 'home' || route.name === 'chat') return 'chats'
  if (route.name === 'artifact') return 'library'
  if (route.name === 'notFound') return null
  if (route.name === 'privacy') return 'settings'
  return route.name
}
