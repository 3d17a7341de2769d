// The library feature's public face: the list of materials, and the actions on one material
// (copy, to the chat, delete) and the reading level that the material view (features/materials) shows.

export { ArtifactActions } from './ArtifactActions.tsx'
export { LibraryPage } from './LibraryPage.tsx'
export { ReadingLevelInfo } from './ReadingLevelInfo.tsx'
