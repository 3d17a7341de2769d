// The settings feature's public face for other features.

export { type ColorScheme, type Language, type SendKey, useSettings } from '../../state/settings-store.ts'
