// The web app manifest of eduhu.ki (vite.config.ts hands it to vite-plugin-pwa; its unit test reads it
// and the PNGs it names). Screenshots come from scripts/make-screenshots.ts, icons from make-icons.mjs.

import type { ManifestOptions } from 'vite-plugin-pwa'

export const BRAND = '#0f766e'

/** Query that marks a launch through the "new chat" shortcut: it must not reopen the last chat. */
export const NEW_CHAT_SHORTCUT_URL = '/?shortcut=new-chat'

export const manifest: Partial<ManifestOptions> = {
  // A stable identity: the installed app stays the same app even if start_url ever changes.
  id: '/',
  name: 'eduhu.ki – KI-Assistenz für Lehrkräfte',
  short_name: 'eduhu.ki',
  description: 'Chatte mit deiner KI-Assistenz und erhalte Unterrichtsmaterial – auch offline lesbar.',
  lang: 'de',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: BRAND,
  background_color: '#ffffff',
  categories: ['education', 'productivity'],
  icons: [
    { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    {
      name: 'Neuer Chat',
      short_name: 'Neuer Chat',
      description: 'Einen neuen Chat mit deiner KI-Assistenz beginnen',
      url: NEW_CHAT_SHORTCUT_URL,
      icons: [{ src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' }],
    },
    {
      name: 'Bibliothek',
      short_name: 'Bibliothek',
      description: 'Deine Unterrichtsmaterialien öffnen',
      url: '/library',
      icons: [{ src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png' }],
    },
  ],
  // Real screenshots of the app (narrow: phone, wide: desktop) for the richer install sheet.
  screenshots: [
    {
      src: 'screenshots/chat-narrow.png',
      sizes: '720x1480',
      type: 'image/png',
      form_factor: 'narrow',
      label: 'Ein Chat mit der KI-Assistenz auf dem Handy',
    },
    {
      src: 'screenshots/chat-wide.png',
      sizes: '1280x800',
      type: 'image/png',
      form_factor: 'wide',
      label: 'Chat und Unterhaltungen am Computer',
    },
  ],
}
