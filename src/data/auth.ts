// Who is signed in: the guest start, the magic-code upgrade and sign-out. The only module that
// calls db.auth; features use these functions and useAuth() instead.

import type { User } from '@instantdb/react'
import { db } from './db.ts'

export type { User }

/** The signed-in user, read from the client's stored token first, so it works offline and on reload. */
export function useAuth() {
  return db.useAuth()
}

let guestStart: Promise<User> | null = null

/**
 * Signs in as a new guest. Concurrent calls share one request (StrictMode runs effects twice),
 * so a first visit never creates two guests.
 */
export function startAsGuest(): Promise<User> {
  guestStart ??= db.auth
    .signInAsGuest()
    .then((res) => res.user)
    .finally(() => {
      guestStart = null
    })
  return guestStart
}

/** Asks the server to e-mail a sign-in code (locally: the server log and the dev mailbox). */
export async function sendMagicCode(email: string): Promise<void> {
  await db.auth.sendMagicCode({ email: email.trim() })
}

/**
 * Signs in with the e-mailed code. The client sends the current guest's refresh token along, so a
 * new e-mail upgrades the guest in place and every chat stays; for an existing account the server
 * links the guest to it and the guest's chats are moved over (guest-adoption.ts).
 */
export async function signInWithMagicCode(email: string, code: string): Promise<User> {
  const { user } = await db.auth.signInWithMagicCode({ email: email.trim(), code: code.trim() })
  return user
}

/** Signs out on this device; the auth gate then starts a fresh guest. */
export async function signOut(): Promise<void> {
  await db.auth.signOut()
}
