// Mounts the app. The service worker is registered by UpdatePrompt (prompt flow, never auto-reload).

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import './app/theme.css'
import './app/shell.css'
import './ui/primitives.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
