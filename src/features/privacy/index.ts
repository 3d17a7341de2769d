// The privacy feature's public face: the composer's personal-data check. The settings section and the
// privacy page are imported from their files by the lazily loaded pages (app/lazy-pages.ts).

export { PersonalDataHint } from './PersonalDataHint.tsx'
export { type PersonalDataGate, type SendVerdict, usePersonalDataGate } from './use-personal-data-gate.ts'
