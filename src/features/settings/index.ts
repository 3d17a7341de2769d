// The settings feature's public face for other features.

export { SettingsPage } from './SettingsPage.tsx'
export { type ColorScheme, type Language, type SendKey, useSettings } from './settings-store.ts'
