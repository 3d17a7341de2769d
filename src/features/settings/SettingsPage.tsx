// Device settings: language, colour scheme (overrides the system preference), the send key, and how
// many chats are readable offline on this device.

import { OFFLINE_CHATS, useOfflineChatCount } from '../../data/warm-cache.ts'
import { useT } from '../../i18n/index.ts'
import { type ColorScheme, type Language, type SendKey, useSettings } from '../../state/settings-store.ts'
// Straight from their files, not the barrels: the shell imports those barrels, and the settings page
// (with the zip writer of the data export) loads only when opened (app/lazy-pages.ts).
import { AccountDataSection } from '../account-data/AccountDataSection.tsx'
import { PrivacySettings } from '../privacy/PrivacySettings.tsx'

const SCHEMES: ColorScheme[] = ['system', 'light', 'dark']

export function SettingsPage() {
  const t = useT()
  const { language, colorScheme, sendKey, setLanguage, setColorScheme, setSendKey } = useSettings()
  const offlineChats = useOfflineChatCount()

  return (
    <div className="page stack">
      <h1>{t('settings.title')}</h1>
      <p className="muted">{t('settings.deviceNote')}</p>
      <div className="card stack">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          className="input"
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          <option value="de">{t('settings.language.de')}</option>
          <option value="en">{t('settings.language.en')}</option>
        </select>
      </div>
      <fieldset className="card stack">
        <legend>{t('settings.colorScheme')}</legend>
        {SCHEMES.map((scheme) => (
          <label key={scheme} className="radio">
            <input
              type="radio"
              name="color-scheme"
              value={scheme}
              checked={colorScheme === scheme}
              onChange={() => setColorScheme(scheme)}
            />
            {t(`settings.colorScheme.${scheme}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="card stack">
        <legend>{t('settings.sendKey')}</legend>
        {(['enter', 'ctrl-enter'] as SendKey[]).map((key) => (
          <label key={key} className="radio">
            <input
              type="radio"
              name="send-key"
              value={key}
              checked={sendKey === key}
              onChange={() => setSendKey(key)}
            />
            {t(key === 'enter' ? 'settings.sendKey.enter' : 'settings.sendKey.ctrlEnter')}
          </label>
        ))}
      </fieldset>
      <PrivacySettings />
      <section className="card stack" aria-labelledby="settings-offline">
        <h2 id="settings-offline">{t('settings.offline.title')}</h2>
        <p>{t('settings.offline.chats', { count: OFFLINE_CHATS })}</p>
        <p data-testid="offline-chat-count">{t('settings.offline.ready', { count: offlineChats })}</p>
      </section>
      <AccountDataSection />
    </div>
  )
}
