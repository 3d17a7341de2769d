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
})

export type ConnectionStatus = ReturnType<typeof db.useConnectionStatus>
