// The profile feature's public face.

export { ProfilePage } from './ProfilePage.tsx'
