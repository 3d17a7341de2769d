// The account-data feature's public face: the deleted-account watcher. (The settings section is imported
// by the lazily loaded settings page from its own file, so the shell does not load it.)

export { AccountGoneWatcher } from './AccountGoneWatcher.tsx'
