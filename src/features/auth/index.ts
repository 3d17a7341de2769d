// The auth feature's public face: the gate that guarantees a user, the account panel, the user hook.

export { AccountPanel } from './AccountPanel.tsx'
export { AuthGate } from './AuthGate.tsx'
export { useCurrentUser } from './current-user.ts'
