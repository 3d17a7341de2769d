/// <reference types="vite/client" />

/** The local Instant server's stable app id, injected by vite.config.ts. */
declare const __LOCAL_INSTANT_APP_ID__: string

interface ImportMetaEnv {
  readonly VITE_INSTANT_APP_ID?: string
  readonly VITE_INSTANT_API_URI?: string
  readonly VITE_INSTANT_WEBSOCKET_URI?: string
}
