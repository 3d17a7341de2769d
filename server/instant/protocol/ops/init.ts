// `init`: binds the session to an app and a user (by refresh token) and answers `init-ok` with attrs.

import { requireApp } from '../../app/app-registry.ts'
import { InstantError } from '../../errors.ts'
import type { Frame } from '../frames.ts'
import type { Session } from '../session.ts'

export function handleInit(session: Session, frame: Frame): void {
  const app = requireApp(session.deps.apps, frame['app-id'])
  const token = frame['refresh-token']
  let user = null
  if (token !== undefined && token !== null) {
    user = session.deps.users.byToken(app, token) ?? null
    // Matches Instant: an unknown token is an app-user record-not-found, which makes the client sign out.
    if (!user)
      throw new InstantError('record-not-found', 'Record not found: app-user', { 'record-type': 'app-user' })
  }
  const adminToken = frame['__admin-token']
  session.app = app
  session.user = user
  session.isAdmin = typeof adminToken === 'string' && adminToken === app.row.adminToken
  session.deps.onAttach(session)
  const { refresh_token: _token, ...publicUser } = user ?? { refresh_token: undefined }
  session.send({
    op: 'init-ok',
    'session-id': session.id,
    'client-event-id': frame['client-event-id'],
    attrs: app.attrs(),
    auth: {
      app: { id: app.id, title: app.row.title },
      user: user ? publicUser : null,
      'admin?': session.isAdmin,
    },
    'app-status': { status: 'active' },
  })
}
