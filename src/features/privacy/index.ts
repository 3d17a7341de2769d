// The privacy feature's public face: the composer's personal-data check, the settings section, the privacy page.

export { PersonalDataHint } from './PersonalDataHint.tsx'
export { PrivacyPage } from './PrivacyPage.tsx'
export { PrivacySettings } from './PrivacySettings.tsx'
export { type PersonalDataGate, usePersonalDataGate } from './use-personal-data-gate.ts'
