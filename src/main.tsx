// Mounts the app. The service worker is registered by UpdatePrompt (prompt flow, never auto-reload).
// The teacher's language loads first when it is not German (i18n/index.ts), so no German flashes up.

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { loadLanguage } from './i18n/index.ts'
import { useSettings } from './state/settings-store.ts'
import './app/theme.css'
import './app/shell.css'
import './ui/primitives.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
const mount = root
function render() {
  createRoot(mount).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
// If the catalogue cannot load (offline before it was cached), the app starts in German rather than not at all.
loadLanguage(useSettings.getState().language).then(render, render)
