// The pages a teacher reaches by navigating, loaded when first shown: the start page and the chat are
// what opens the app, so the library, materials, profile, settings and privacy pages (and what only
// they use: version diffs, the data export's zip writer) stay out of the initial download.

import { lazy } from 'react'

export const LibraryPage = lazy(() =>
  import('../features/library/LibraryPage.tsx').then((m) => ({ default: m.LibraryPage })),
)
export const MaterialView = lazy(() =>
  import('../features/materials/MaterialView.tsx').then((m) => ({ default: m.MaterialView })),
)
export const MaterialPanel = lazy(() =>
  import('../features/materials/MaterialPanel.tsx').then((m) => ({ default: m.MaterialPanel })),
)
export const ProfilePage = lazy(() =>
  import('../features/profile/ProfilePage.tsx').then((m) => ({ default: m.ProfilePage })),
)
export const SettingsPage = lazy(() =>
  import('../features/settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
)
export const PrivacyPage = lazy(() =>
  import('../features/privacy/PrivacyPage.tsx').then((m) => ({ default: m.PrivacyPage })),
)
