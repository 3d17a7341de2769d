// The account-data feature's public face: the settings section and the deleted-account watcher.

export { AccountDataSection } from './AccountDataSection.tsx'
export { AccountGoneWatcher } from './AccountGoneWatcher.tsx'
