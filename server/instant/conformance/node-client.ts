// The unmodified @instantdb/core browser client, run in Node against a local server: the shims
// it needs (window, WebSocket, EventSource), in-memory storage and an always-online network.

import { type InstantConfig, type InstantCoreDatabase, type InstantSchemaDef, init } from '@instantdb/core'
import { EventSource } from 'eventsource'
import { WebSocket } from 'ws'
// Imported by path: the package's exports map hides the in-memory store the client ships with.
import InMemoryStorage from '../../../node_modules/@instantdb/core/dist/esm/InMemoryStorage.js'

const g = globalThis as Record<string, unknown>
if (g.window === undefined) g.window = globalThis
if (g.WebSocket === undefined) g.WebSocket = WebSocket

const AlwaysOnline = {
  getIsOnline: async (): Promise<boolean> => true,
  listen: (): (() => void) => () => {},
}

let clientCount = 0

// biome-ignore lint/suspicious/noExplicitAny: the client's own schema generics are declared with any
type AnySchema = InstantSchemaDef<any, any, any>

export interface NodeClientOptions<S extends AnySchema> {
  appId: string
  url: string
  schema?: S
  /** 'sse' makes the client use the SSE transport from the start (as after a failed WebSocket). */
  transport?: 'ws' | 'sse'
  /** Connects as the app's admin (the client sends it in init; rules are bypassed). */
  adminToken?: string
  /** The WebSocket endpoint, when it is not `url`'s /runtime/session (a separate host, a proxy). */
  websocketURI?: string
}

export function nodeClient<S extends AnySchema>(opts: NodeClientOptions<S>): InstantCoreDatabase<S, false> {
  const wsURI = opts.websocketURI ?? `${opts.url.replace(/^http/, 'ws')}/runtime/session`
  const config = {
    appId: opts.appId,
    apiURI: opts.url,
    // An unreachable WebSocket makes the client fall back to SSE, exactly as in a browser.
    websocketURI: opts.transport === 'sse' ? 'ws://127.0.0.1:9/runtime/session' : wsURI,
    devtool: false,
    schema: opts.schema,
    __extraDedupeKey: `node-client-${++clientCount}`,
    __adminToken: opts.adminToken,
  }
  // Each Node client stands for its own device. In a browser only tabs of one profile share the
  // client's '@instantdb' BroadcastChannel; in one Node process every client would, and each
  // sign-in would make all other clients reconnect and fail their in-flight transactions.
  const shared = g.BroadcastChannel
  g.BroadcastChannel = undefined
  try {
    return init(config as unknown as InstantConfig<S, false>, InMemoryStorage, AlwaysOnline, {}, EventSource)
  } finally {
    g.BroadcastChannel = shared
  }
}
