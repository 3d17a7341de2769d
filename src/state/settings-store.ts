// UI settings that belong to this device (language, colour scheme, send key), kept in localStorage.
// UI state only: nothing from the database is ever copied in here.

import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export type Language = 'de' | 'en'
export type ColorScheme = 'system' | 'light' | 'dark'
/** Which key combination sends a prompt; the other Enter variant inserts a line break. */
export type SendKey = 'enter' | 'ctrl-enter'

interface SettingsState {
  language: Language
  colorScheme: ColorScheme
  sendKey: SendKey
  setLanguage(language: Language): void
  setColorScheme(scheme: ColorScheme): void
  setSendKey(sendKey: SendKey): void
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      language: 'de',
      colorScheme: 'system',
      sendKey: 'enter',
      setLanguage: (language) => set({ language }),
      setColorScheme: (colorScheme) => set({ colorScheme }),
      setSendKey: (sendKey) => set({ sendKey }),
    }),
    // Version 1 had no sendKey; the default fills it in on merge, so no migration is needed.
    { name: 'eduhu.settings', version: 1 },
  ),
)
