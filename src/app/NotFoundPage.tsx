// The 404 page for any address the app does not know, with a way back home.

import { Link } from 'wouter'
import { useT } from '../i18n/index.ts'
import { paths } from '../lib/routes.ts'

export function NotFoundPage() {
  const t = useT()
  return (
    <div className="page stack" data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link href={paths.home} className="button button--primary">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  )
}
