// The header's install button: the browser's own install dialog where it offers one, step-by-step
// "add to home screen" help on iOS Safari, nothing once eduhu.ki runs installed.

import { useState } from 'react'
import { useT } from '../../i18n/index.ts'
import { Dialog } from '../../ui/Dialog.tsx'
import { promptInstall, useInstallOption } from './install-state.ts'

export function InstallButton() {
  const t = useT()
  const option = useInstallOption()
  const [isHelpOpen, setHelpOpen] = useState(false)
  if (!option && !isHelpOpen) return null
  return (
    <>
      {option && (
        <button
          type="button"
          className="icon-button install-button"
          aria-label={t('install.button')}
          title={t('install.button')}
          aria-haspopup={option === 'ios-help' ? 'dialog' : undefined}
          onClick={() => (option === 'prompt' ? void promptInstall() : setHelpOpen(true))}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
            <path
              d="M12 3v11m0 0-4-4m4 4 4-4M5 17v3h14v-3"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </button>
      )}
      {isHelpOpen && (
        <Dialog title={t('install.ios.title')} onClose={() => setHelpOpen(false)}>
          <ol className="install-steps" data-testid="ios-install-steps">
            <li>{t('install.ios.share')}</li>
            <li>{t('install.ios.add')}</li>
            <li>{t('install.ios.confirm')}</li>
          </ol>
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={() => setHelpOpen(false)}>
              {t('dialog.close')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  )
}
