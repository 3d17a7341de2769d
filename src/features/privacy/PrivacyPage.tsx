// The privacy page in plain words: what is stored on the server and on the device, what goes to the
// language model, how pupils' names are checked and how to delete data.

import './privacy.css'
import { useT } from '../../i18n/index.ts'
import { ModelEndpoint } from './ModelEndpoint.tsx'

const SECTIONS = ['server', 'device', 'model', 'hint', 'delete'] as const

export function PrivacyPage() {
  const t = useT()
  return (
    <div className="page stack privacy-page">
      <h1>{t('privacy.page.title')}</h1>
      <p>{t('privacy.page.intro')}</p>
      <dl>
        {SECTIONS.map((s) => (
          <div key={s}>
            <dt>{t(`privacy.page.${s}.term`)}</dt>
            <dd>
              {t(`privacy.page.${s}.text`)}
              {s === 'model' && <ModelEndpoint />}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
