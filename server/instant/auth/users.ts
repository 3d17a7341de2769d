// App users ($users entities) and their refresh tokens: guest sign-in, magic codes (with guest upgrade
// and linking), token checks, sign-out. Users are ordinary triples so queries and rules see them.

import { randomInt, randomUUID } from 'node:crypto'
import type { AppDb } from '../app/app-db.ts'
import { InstantError, validationFailed } from '../errors.ts'
import type { Json } from '../model/types.ts'
import { checkSignup, rulesOf } from '../perms/index.ts'
import type { SqliteStorage } from '../storage/sqlite.ts'
import { isUuid } from '../tx/values.ts'
import type { MagicCodeCaller, MagicCodeGuard } from './magic-code-guard.ts'

export interface User {
  id: string
  app_id: string
  email: string | null
  type: 'guest' | 'user'
  isGuest: boolean
  created_at: string
  refresh_token?: string
  [field: string]: Json | undefined
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export type MagicCodeSink = (appId: string, email: string, code: string) => void

export class Users {
  constructor(
    private storage: SqliteStorage,
    private onMagicCode: MagicCodeSink,
    private guard: MagicCodeGuard,
  ) {}

  /** The user behind a refresh token, or undefined when the token is unknown or revoked. */
  byToken(app: AppDb, token: unknown): User | undefined {
    if (!isUuid(token)) return undefined
    const userId = this.storage.userIdForToken(app.id, token)
    return userId ? this.byId(app, userId) : undefined
  }

  byId(app: AppDb, id: string): User | undefined {
    const idAttr = app.store.attrs.idAttr('$users')
    if (!idAttr || !app.store.hasEntity('$users', id)) return undefined
    const user: Record<string, Json> = {}
    for (const attr of app.store.attrs.ofEtype('$users')) {
      if (attr['value-type'] === 'ref') continue
      const v = app.store.valueOf(id, attr.id)
      if (v !== undefined) user[attr['forward-identity'][2]] = v
    }
    const createdAt = app.store.triplesOf(id, idAttr.id)[0]?.[3] ?? Date.now()
    const type = user.type === 'guest' ? 'guest' : 'user'
    return {
      ...user,
      id,
      app_id: app.id,
      email: typeof user.email === 'string' ? user.email : null,
      type,
      isGuest: type === 'guest',
      created_at: new Date(createdAt).toISOString(),
    }
  }

  byEmail(app: AppDb, email: string): User | undefined {
    const attr = app.store.attrs.byForward('$users', 'email')
    if (!attr) return undefined
    for (const id of app.store.lookup(attr.id, email.toLowerCase())) return this.byId(app, id)
    return undefined
  }

  issueToken(app: AppDb, userId: string): string {
    const token = randomUUID()
    this.storage.addRefreshToken(app.id, token, userId, Date.now())
    return token
  }

  /** `skipPermCheck`: admin flows, which upstream lets past `$users.allow.create`. */
  signInGuest(app: AppDb, extraFields: unknown, opts: { skipPermCheck?: boolean } = {}): User {
    const id = randomUUID()
    if (!opts.skipPermCheck)
      checkSignup(rulesOf(app), app.store, { id, extraFields: extraFieldsOf(extraFields) })
    this.write(app, id, { type: 'guest' }, extraFields)
    return { ...this.byId(app, id)!, refresh_token: this.issueToken(app, id) }
  }

  /** Sends a new code (any older one for the address is void); `rate-limited` past the sending limits. */
  sendMagicCode(app: AppDb, rawEmail: unknown, caller: MagicCodeCaller): { code: string; email: string } {
    const email = normaliseEmail(rawEmail)
    this.guard.admitSend(app.id, email, caller)
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    this.storage.addMagicCode(app.id, email, code, Date.now())
    this.onMagicCode(app.id, email, code)
    return { code, email }
  }

  /** Checks a magic code; upgrades the given guest in place when the email is new, links it otherwise. */
  verifyMagicCode(
    app: AppDb,
    input: {
      email: unknown
      code: unknown
      guestToken?: unknown
      extraFields?: unknown
      skipPermCheck?: boolean
      caller: MagicCodeCaller
    },
  ): { user: User; created: boolean } {
    const email = normaliseEmail(input.email)
    if (typeof input.code !== 'string' || !input.code.trim())
      throw validationFailed('code is required', { input: ['code'] })
    this.guard.admitVerify(app.id, email, input.caller)
    const guest = input.guestToken ? this.byToken(app, input.guestToken) : undefined
    const existing = this.byEmail(app, email)
    const newId = guest?.isGuest ? guest.id : randomUUID()
    // Matches upstream magic_code_auth verify!: the sign-up rule runs before the code is consumed.
    if (!existing && !input.skipPermCheck) {
      checkSignup(rulesOf(app), app.store, {
        id: newId,
        email,
        extraFields: extraFieldsOf(input.extraFields),
      })
    }
    const createdAt = this.storage.consumeMagicCode(app.id, email, input.code.trim())
    if (createdAt === undefined) this.wrongCode(app, email, input.caller)
    if (Date.now() - createdAt > this.guard.limits.ttlMs) {
      throw new InstantError('record-not-found', 'The code has expired. Request a new one.', {
        'record-type': 'app-user-magic-code',
      })
    }
    this.guard.recordSuccess(app.id, email)
    let userId: string
    let created = false
    if (existing) {
      userId = existing.id
      if (guest?.isGuest && guest.id !== existing.id) this.linkGuest(app, guest.id, existing.id)
    } else if (guest?.isGuest) {
      userId = guest.id
      // The guest becomes a full user in place (same id, so its data stays); it counts as created.
      this.write(app, userId, { email, type: 'user' }, input.extraFields)
      created = true
    } else {
      userId = newId
      this.write(app, userId, { email, type: 'user' }, input.extraFields)
      created = true
    }
    return { user: { ...this.byId(app, userId)!, refresh_token: this.issueToken(app, userId) }, created }
  }

  // Matches Instant: a wrong code is record-not-found (the client shows "invalid code"). Past the
  // per-code limit the code is void; past the per-address limit every code for the address is.
  private wrongCode(app: AppDb, email: string, caller: MagicCodeCaller): never {
    const codeVoided = this.storage.failMagicCode(app.id, email, this.guard.limits.attemptsPerCode)
    const addressExhausted = this.guard.recordFailure(app.id, email, caller)
    if (addressExhausted) this.storage.voidMagicCodes(app.id, email)
    const message =
      codeVoided || addressExhausted
        ? 'The code is invalid, and after too many wrong codes the code sent is no longer valid. Request a new one.'
        : 'The code is invalid or has expired. Request a new one.'
    throw new InstantError('record-not-found', message, { 'record-type': 'app-user-magic-code' })
  }

  signOut(app: AppDb, token: unknown): void {
    if (isUuid(token)) this.storage.deleteRefreshToken(app.id, token)
  }

  /** The user with this email, created (as a full user) when there is none. */
  ensureByEmail(app: AppDb, rawEmail: unknown): User {
    const email = normaliseEmail(rawEmail)
    const existing = this.byEmail(app, email)
    if (existing) return existing
    const id = randomUUID()
    this.write(app, id, { email, type: 'user' }, null)
    return this.byId(app, id)!
  }

  signOutEverywhere(app: AppDb, userId: string): void {
    this.storage.deleteUserTokens(app.id, userId)
  }

  /** Deletes the user and, through on-delete cascades, everything linked to them that must go. */
  deleteUser(app: AppDb, userId: string): void {
    app.transact([['delete-entity', userId, '$users']], { isAdmin: true })
    this.storage.deleteUserTokens(app.id, userId)
  }

  private write(app: AppDb, id: string, system: Record<string, Json>, extraFields: unknown): void {
    const steps: unknown[] = [['add-triple', id, app.store.attrs.idAttr('$users')!.id, id]]
    for (const [label, v] of Object.entries(system))
      steps.push(['add-triple', id, this.attrId(app, label), v])
    // Matches Instant: extra fields are written only when a user is created (never on a returning
    // sign-in, which does not come through here).
    for (const [label, v] of Object.entries(extraFieldsOf(extraFields))) {
      steps.push(['add-triple', id, this.attrId(app, label), v])
    }
    app.transact(steps, { isAdmin: true })
  }

  private linkGuest(app: AppDb, guestId: string, primaryId: string): void {
    app.transact([['add-triple', guestId, this.attrId(app, 'linkedPrimaryUser'), primaryId]], {
      isAdmin: true,
    })
  }

  private attrId(app: AppDb, label: string): string {
    const attr = app.store.attrs.byForward('$users', label)
    if (!attr)
      throw validationFailed(`$users.${label} is not an attribute of this app`, {
        input: ['extra-fields', label],
      })
    return attr.id
  }
}

function normaliseEmail(raw: unknown): string {
  if (typeof raw !== 'string' || !EMAIL_RE.test(raw.trim())) {
    throw validationFailed('Please enter a valid email address', { input: ['email'] })
  }
  return raw.trim().toLowerCase()
}

function extraFieldsOf(raw: unknown): Record<string, Json> {
  if (raw == null) return {}
  if (typeof raw !== 'object' || Array.isArray(raw)) throw validationFailed('extra-fields must be an object')
  const out: Record<string, Json> = {}
  for (const [k, v] of Object.entries(raw as Record<string, Json>)) {
    if (['id', 'email', 'type', 'linkedPrimaryUser', 'imageURL'].includes(k)) {
      throw validationFailed(`extra-fields may not set ${k}`, { input: ['extra-fields', k] })
    }
    out[k] = v
  }
  return out
}
