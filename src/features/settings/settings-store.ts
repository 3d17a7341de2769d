// UI settings that belong to this device (language, colour scheme), kept in localStorage.

import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export type Language = 'de' | 'en'
export type ColorScheme = 'system' | 'light' | 'dark'

interface SettingsState {
  language: Language
  colorScheme: ColorScheme
  setLanguage(language: Language): void
  setColorScheme(scheme: ColorScheme): void
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      language: 'de',
      colorScheme: 'system',
      setLanguage: (language) => set({ language }),
      setColorScheme: (colorScheme) => set({ colorScheme }),
    }),
    { name: 'eduhu.settings', version: 1 },
  ),
)
