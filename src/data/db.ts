// The app's only Instant client. Every feature reaches the database through src/data, never directly.

import { init } from '@instantdb/react'
import schema from '../../instant.schema.ts'
import { resolveInstantConfig } from './instant-config.ts'

export const instantConfig = resolveInstantConfig(import.meta.env, window.location, __LOCAL_INSTANT_APP_ID__)

export const db = init({
  appId: instantConfig.appId,
  apiURI: instantConfig.apiURI,
  websocketURI: instantConfig.websocketURI,
  schema,
  // The devtool loads an iframe from instantdb.com; it must never run for teachers or offline.
  devtool: false,
  // Room for the warm cache (data/warm-cache.ts: 20 chats × head and 3 page queries, plus list,
  // library and materials). The pinned client (1.0.67) stores this but no longer enforces it: its
  // IndexedDB cache of query results is bounded by its own GC (1000 results, 1M triples, 1 year).
  // Measured (e2e/offline-browser-flag.spec.ts): 20 warm chats of 200 messages, the list and the
  // materials take 100 results and ~14,400 triples, and every one of them reads offline.
  queryCacheLimit: 200,
})

export type ConnectionStatus = ReturnType<typeof db.useConnectionStatus>
