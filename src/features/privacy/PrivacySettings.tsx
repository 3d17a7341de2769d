// The settings page's privacy section: the personal-data hint on or off, the model endpoint's host,
// and the way to the privacy page.

import { Link } from 'wouter'
import { useT } from '../../i18n/index.ts'
import { paths } from '../../lib/routes.ts'
import { useHintSetting } from './hint-setting.ts'
import { ModelEndpoint } from './ModelEndpoint.tsx'

export function PrivacySettings() {
  const t = useT()
  const { isHintOn, setHintOn } = useHintSetting()
  return (
    <fieldset className="card stack">
      <legend>{t('privacy.settings.heading')}</legend>
      <label className="radio">
        <input
          type="checkbox"
          checked={isHintOn}
          onChange={(e) => setHintOn(e.target.checked)}
          aria-describedby="privacy-hint-note"
        />
        {t('privacy.settings.hint')}
      </label>
      <p id="privacy-hint-note" className="muted">
        {t('privacy.settings.hintNote')}
      </p>
      <ModelEndpoint />
      <Link href={paths.privacy}>{t('privacy.settings.page')}</Link>
    </fieldset>
  )
}
