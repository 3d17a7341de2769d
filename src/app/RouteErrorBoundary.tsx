// Catches a crash inside one route so the shell, the navigation and the other routes keep working;
// shows a German explanation with a retry that re-mounts the route.

import { Component, type ReactNode } from 'react'
import { Link } from 'wouter'
import { useT } from '../i18n/index.ts'
import { toUserMessage } from '../i18n/to-user-message.ts'
import { paths } from '../lib/routes.ts'

interface State {
  error: unknown
  attempt: number
}

export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null, attempt: 0 }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown') }
  }

  render() {
    const { error, attempt } = this.state
    if (error) {
      return <RouteError error={error} onRetry={() => this.setState({ error: null, attempt: attempt + 1 })} />
    }
    // A new key gives the retried route fresh state instead of the state that crashed.
    return (
      <div key={attempt} className="route-root">
        {this.props.children}
      </div>
    )
  }
}

function RouteError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT()
  return (
    <div className="page stack" role="alert" data-testid="route-error">
      <h1>{t('error.title')}</h1>
      <p>{t(toUserMessage(error))}</p>
      <div className="row">
        <button type="button" className="button button--primary" onClick={onRetry}>
          {t('error.retry')}
        </button>
        <Link href={paths.home} className="button">
          {t('notFound.home')}
        </Link>
      </div>
    </div>
  )
}
