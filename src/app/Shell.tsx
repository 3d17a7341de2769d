// The frame around every page: skip link, header (brand, connection, language, shortcut help),
// the main navigation, and the signed-in workspace behind the auth gate.

import { useState } from 'react'
import { Link, useLocation } from 'wouter'
import { useConnectionStatus } from '../data/index.ts'
import { AccountGoneWatcher } from '../features/account-data/index.ts'
import { AuthGate } from '../features/auth/index.ts'
import { InstallButton, UpdatePrompt, useResumeLastRoute } from '../features/offline/index.ts'
import { OutboxBadge } from '../features/offline/OutboxBadge.tsx'
import { type Language, useSettings } from '../features/settings/index.ts'
import { useT } from '../i18n/index.ts'
import { navSection, parseRoute, paths } from '../lib/routes.ts'
import { useMediaQuery } from '../ui/use-media-query.ts'
import { ConnectionBadge } from './ConnectionBadge.tsx'
import { ShortcutsDialog } from './ShortcutsDialog.tsx'
import { Workspace } from './Workspace.tsx'

/** From this width the conversation list sits beside the chat (matches the CSS breakpoint). */
export const WIDE_QUERY = '(min-width: 56rem)'

const NAV = [
  { section: 'chats', href: paths.home, label: 'nav.chats' },
  { section: 'library', href: paths.library, label: 'nav.library' },
  { section: 'profile', href: paths.profile, label: 'nav.profile' },
  { section: 'settings', href: paths.settings, label: 'nav.settings' },
] as const

export function Shell() {
  const t = useT()
  const [location] = useLocation()
  const route = parseRoute(location)
  const current = navSection(route)
  const isWide = useMediaQuery(WIDE_QUERY)
  const status = useConnectionStatus()
  const language = useSettings((s) => s.language)
  const setLanguage = useSettings((s) => s.setLanguage)
  const [helpOpen, setHelpOpen] = useState(false)
  useResumeLastRoute()

  return (
    <div className="shell" data-testid="shell">
      <a className="skip-link" href="#main">
        {t('skip.toMain')}
      </a>
      <header className="shell__header">
        <Link className="brand" href={paths.home}>
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </Link>
        <ConnectionBadge status={status} />
        <OutboxBadge />
        <InstallButton />
        <label className="language-picker">
          <span className="visually-hidden">{t('settings.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="de">{t('settings.language.de')}</option>
            <option value="en">{t('settings.language.en')}</option>
          </select>
        </label>
        <button
          type="button"
          className="icon-button"
          aria-label={t('shortcuts.open')}
          aria-haspopup="dialog"
          onClick={() => setHelpOpen(true)}
        >
          <span aria-hidden="true">?</span>
        </button>
      </header>
      <nav className="shell__nav" aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.section}>
              <Link href={item.href} aria-current={current === item.section ? 'page' : undefined}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <AuthGate>
        <AccountGoneWatcher />
        <Workspace route={route} isWide={isWide} onHelp={() => setHelpOpen(true)} />
      </AuthGate>
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      <UpdatePrompt />
    </div>
  )
}
