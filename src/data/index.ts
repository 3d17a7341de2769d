// The data-access module's public face: features import from here, never from db.ts directly.

export * from './account-data.ts'
export * from './artifacts.ts'
export * from './auth.ts'
export * from './connection.ts'
export * from './conversation-export.ts'
export * from './conversations.ts'
export { type ConnectionStatus, instantConfig } from './db.ts'
export * from './guest-adoption.ts'
export * from './library.ts'
export * from './messages.ts'
export * from './profile.ts'
export * from './reply-activity.ts'
