import { describe, expect, it } from 'vitest'
import { resolveInstantConfig } from './instant-config.ts'

const LOCAL = 'e6d0b0c1-4b1d-4c0e-8a11-0000000000e1'
const http = { protocol: 'http:', host: 'localhost:3000', origin: 'http://localhost:3000' }
const https = { protocol: 'https:', host: 'eduhu.schule.de', origin: 'https://eduhu.schule.de' }

describe('resolveInstantConfig', () => {
  it('uses the local Instant server on the same origin when nothing is configured', () => {
    expect(resolveInstantConfig({}, http, LOCAL)).toEqual({
      appId: LOCAL,
      apiURI: 'http://localhost:3000',
      websocketURI: 'ws://localhost:3000/runtime/session',
      isLocal: true,
    })
  })

  it('switches the WebSocket to wss when the page is served over https', () => {
    expect(resolveInstantConfig({}, https, LOCAL).websocketURI).toBe('wss://eduhu.schule.de/runtime/session')
  })

  it('uses a self-hosted Instant verbatim when all three variables are set', () => {
    const env = {
      VITE_INSTANT_APP_ID: '9f1c2b7a-5d3e-4f60-a1b2-c3d4e5f60718',
      VITE_INSTANT_API_URI: 'https://instant.schule.de/',
      VITE_INSTANT_WEBSOCKET_URI: 'wss://ws.schule.de/runtime/session',
    }
    expect(resolveInstantConfig(env, http, LOCAL)).toEqual({
      appId: '9f1c2b7a-5d3e-4f60-a1b2-c3d4e5f60718',
      apiURI: 'https://instant.schule.de',
      websocketURI: 'wss://ws.schule.de/runtime/session',
      isLocal: false,
    })
  })

  it('refuses a partial configuration and names what is missing', () => {
    expect(() => resolveInstantConfig({ VITE_INSTANT_API_URI: 'https://x.de' }, http, LOCAL)).toThrow(
      /set VITE_INSTANT_APP_ID and VITE_INSTANT_WEBSOCKET_URI/,
    )
  })

  it('rejects an app id that is not a UUID and URIs with the wrong scheme', () => {
    const base = {
      VITE_INSTANT_API_URI: 'https://x.de',
      VITE_INSTANT_WEBSOCKET_URI: 'wss://x.de/runtime/session',
    }
    expect(() => resolveInstantConfig({ ...base, VITE_INSTANT_APP_ID: 'my-app' }, http, LOCAL)).toThrow(
      /UUID/,
    )
    expect(() =>
      resolveInstantConfig(
        { ...base, VITE_INSTANT_APP_ID: LOCAL, VITE_INSTANT_WEBSOCKET_URI: 'https://x.de' },
        http,
        LOCAL,
      ),
    ).toThrow(/ws\(s\) URL/)
  })
})
