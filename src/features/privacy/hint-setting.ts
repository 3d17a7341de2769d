// Whether the personal-data hint checks prompts before sending: a device setting, on unless turned off.
// Kept in localStorage like the other device settings; nothing here leaves the device.

import { create } from 'zustand'
import { persist } from 'zustand/middleware'

interface HintSetting {
  isHintOn: boolean
  setHintOn(isHintOn: boolean): void
}

export const useHintSetting = create<HintSetting>()(
  persist((set) => ({ isHintOn: true, setHintOn: (isHintOn) => set({ isHintOn }) }), {
    name: 'eduhu.privacy-hint',
    version: 1,
  }),
)
