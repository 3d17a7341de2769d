// The signed-in user for everything inside the auth gate, so no screen has to handle "no user".

import { createContext, useContext } from 'react'
import type { User } from '../../data/index.ts'

export const CurrentUserContext = createContext<User | null>(null)

/** The signed-in user (a guest or an e-mail account). Only valid inside <AuthGate>. */
export function useCurrentUser(): User {
  const user = useContext(CurrentUserContext)
  if (!user) throw new Error('useCurrentUser() is used outside <AuthGate>')
  return user
}
