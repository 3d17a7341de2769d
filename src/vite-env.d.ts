/// <reference types="vite/client" />

/** The local Instant server's stable app id, injected by vite.config.ts. */
declare const __LOCAL_INSTANT_APP_ID__: string

interface ImportMetaEnv {
  readonly VITE_INSTANT_APP_ID?: string
  readonly VITE_INSTANT_API_URI?: string
  readonly VITE_INSTANT_WEBSOCKET_URI?: string
  /** How many recent chats stay readable offline (src/data/warm-cache.ts); default 20. */
  readonly VITE_OFFLINE_CHATS?: string
}
