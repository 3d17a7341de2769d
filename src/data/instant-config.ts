// Which Instant server the app talks to: a self-hosted Instant when all three VITE_INSTANT_* variables
// are set, otherwise the local Instant server on the page's own origin. Pure, so it is unit-tested.

export interface InstantConfig {
  appId: string
  apiURI: string
  websocketURI: string
  /** True when the app uses the bundled local Instant server (same origin). */
  isLocal: boolean
}

export interface InstantEnv {
  VITE_INSTANT_APP_ID?: string
  VITE_INSTANT_API_URI?: string
  VITE_INSTANT_WEBSOCKET_URI?: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const KEYS = ['VITE_INSTANT_APP_ID', 'VITE_INSTANT_API_URI', 'VITE_INSTANT_WEBSOCKET_URI'] as const

export function resolveInstantConfig(
  env: InstantEnv,
  location: { protocol: string; host: string; origin: string },
  localAppId: string,
): InstantConfig {
  const given = KEYS.filter((k) => env[k]?.trim())
  if (given.length === 0) {
    const wsProtocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
    return {
      appId: localAppId,
      apiURI: location.origin,
      websocketURI: `${wsProtocol}//${location.host}/runtime/session`,
      isLocal: true,
    }
  }
  if (given.length < KEYS.length) {
    const missing = KEYS.filter((k) => !given.includes(k))
    throw new Error(
      `Instant configuration is incomplete: set ${missing.join(' and ')} as well, or unset all of ${KEYS.join(', ')} to use the local Instant server.`,
    )
  }
  const appId = env.VITE_INSTANT_APP_ID!.trim()
  const apiURI = env.VITE_INSTANT_API_URI!.trim().replace(/\/+$/, '')
  const websocketURI = env.VITE_INSTANT_WEBSOCKET_URI!.trim()
  if (!UUID.test(appId)) throw new Error(`VITE_INSTANT_APP_ID must be a UUID, got "${appId}"`)
  if (!/^https?:\/\/[^/]/.test(apiURI))
    throw new Error(`VITE_INSTANT_API_URI must be an http(s) URL, got "${apiURI}"`)
  if (!/^wss?:\/\/[^/]/.test(websocketURI)) {
    throw new Error(`VITE_INSTANT_WEBSOCKET_URI must be a ws(s) URL, got "${websocketURI}"`)
  }
  return { appId, apiURI, websocketURI, isLocal: false }
}
