// The library feature's public face.

export { LibraryPage } from './LibraryPage.tsx'
