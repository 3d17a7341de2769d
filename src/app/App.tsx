// The eduhu.ki shell: header with brand and connection state, main navigation, and the content area.

import { useEffect } from 'react'
import { db } from '../data/db.ts'
import { UpdatePrompt } from '../features/offline/UpdatePrompt.tsx'
import { type Language, useSettings } from '../features/settings/settings-store.ts'
import { useT } from '../i18n/index.ts'
import { ConnectionBadge } from './ConnectionBadge.tsx'

function useDocumentLanguage(language: Language) {
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
}

export function App() {
  const t = useT()
  const language = useSettings((s) => s.language)
  const setLanguage = useSettings((s) => s.setLanguage)
  const status = db.useConnectionStatus()
  useDocumentLanguage(language)

  return (
    <div className="shell" data-testid="shell">
      <header className="shell__header">
        <a className="brand" href="/">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </a>
        <ConnectionBadge status={status} />
        <label className="language-picker">
          <span className="visually-hidden">{t('settings.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="de">{t('settings.language.de')}</option>
            <option value="en">{t('settings.language.en')}</option>
          </select>
        </label>
      </header>
      <nav className="shell__nav" aria-label={t('nav.label')}>
        <ul>
          <li>
            <a href="/" aria-current="page">
              {t('nav.chats')}
            </a>
          </li>
          <li>
            <a href="/library">{t('nav.library')}</a>
          </li>
          <li>
            <a href="/profile">{t('nav.profile')}</a>
          </li>
          <li>
            <a href="/settings">{t('nav.settings')}</a>
          </li>
        </ul>
      </nav>
      <main className="shell__main" id="main">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
      </main>
      <UpdatePrompt />
    </div>
  )
}
