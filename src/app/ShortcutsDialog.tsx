// The keyboard help ("?"): every global shortcut plus the composer keys of the current setting.

import { useSettings } from '../features/settings/index.ts'
import { type MessageKey, useT } from '../i18n/index.ts'
import { Dialog } from '../ui/Dialog.tsx'

type Row = [keys: MessageKey, action: MessageKey]

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT()
  const sendKey = useSettings((s) => s.sendKey)
  const rows: Row[] = [
    ['shortcuts.keys.newChat', 'shortcuts.newChat'],
    ['shortcuts.keys.search', 'shortcuts.search'],
    ['shortcuts.keys.composer', 'shortcuts.composer'],
    [sendKey === 'enter' ? 'shortcuts.keys.enter' : 'shortcuts.keys.ctrlEnter', 'shortcuts.send'],
    [sendKey === 'enter' ? 'shortcuts.keys.shiftEnter' : 'shortcuts.keys.enter', 'shortcuts.newline'],
    ['shortcuts.keys.escape', 'shortcuts.escape'],
    ['shortcuts.keys.help', 'shortcuts.help'],
  ]
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} className="dialog--wide">
      <dl className="shortcut-list" data-testid="shortcut-list">
        {rows.map(([keys, action]) => (
          <div key={action} className="shortcut-list__row">
            <dt>
              <kbd>{t(keys)}</kbd>
            </dt>
            <dd>{t(action)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </Dialog>
  )
}
