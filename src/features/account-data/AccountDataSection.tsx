// The settings page's data-rights section: download all my data, retention, delete my account.

import { useT } from '../../i18n/index.ts'
import { AccountDeletion } from './AccountDeletion.tsx'
import { DataExport } from './DataExport.tsx'
import { RetentionSettings } from './RetentionSettings.tsx'

export function AccountDataSection() {
  const t = useT()
  return (
    <div className="stack">
      <h2>{t('accountData.title')}</h2>
      <DataExport />
      <RetentionSettings />
      <AccountDeletion />
    </div>
  )
}
