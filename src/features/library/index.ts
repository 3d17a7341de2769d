// The library feature's public face: the actions on one material (copy, to the chat, delete) and the
// reading level that the material view (features/materials) shows. The library page itself loads on
// first visit from its file (app/lazy-pages.ts).

export { ArtifactActions } from './ArtifactActions.tsx'
export { ReadingLevelInfo } from './ReadingLevelInfo.tsx'
