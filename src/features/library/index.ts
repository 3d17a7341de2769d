// The library feature's public face: the list of materials and one material's view.

export { ArtifactView } from './ArtifactView.tsx'
export { LibraryPage } from './LibraryPage.tsx'
