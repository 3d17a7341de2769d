// All apps this server hosts: the stable local app (attrs from instant.schema.ts) and ephemeral
// apps created for tests. Loads each app's store from SQLite on first use.

import { randomUUID } from 'node:crypto'
import { InstantError, validationFailed } from '../errors.ts'
import { attrsFromSchema, type SchemaJson, systemAttrs } from '../model/schema-attrs.ts'
import { MemoryAttrIndex } from '../storage/attr-index.ts'
import { MemoryStore } from '../storage/memory-store.ts'
import type { AppRow, SqliteStorage } from '../storage/sqlite.ts'
import { AppDb } from './app-db.ts'

export class AppRegistry {
  private loaded = new Map<string, AppDb>()
  private rows = new Map<string, AppRow>()
  private created = new Set<(app: AppDb) => void>()

  constructor(private storage: SqliteStorage) {
    for (const row of storage.apps()) this.rows.set(row.id, row)
  }

  /** Called for every app as it is loaded, so the reactive layer can subscribe to its commits. */
  onLoad(listener: (app: AppDb) => void): void {
    this.created.add(listener)
    for (const app of this.loaded.values()) listener(app)
  }

  get(appId: string): AppDb | undefined {
    const ready = this.loaded.get(appId)
    if (ready) return ready
    const row = this.rows.get(appId)
    if (!row) return undefined
    const store = new MemoryStore(new MemoryAttrIndex(this.storage.attrs(appId)))
    for (const t of this.storage.triples(appId)) store.add(t)
    const app = new AppDb(row, store, this.storage)
    this.loaded.set(appId, app)
    for (const listener of this.created) listener(app)
    return app
  }

  /** Creates the app or brings its schema attrs up to date (same ids; changed flags win). */
  ensure(row: Omit<AppRow, 'createdAt'> & { createdAt?: number }, schema: SchemaJson | null): AppDb {
    const existing = this.rows.get(row.id)
    const full: AppRow = { ...row, createdAt: existing?.createdAt ?? row.createdAt ?? Date.now() }
    const stored = new MemoryAttrIndex(existing ? this.storage.attrs(row.id) : [])
    // An attr a client created before it entered the schema keeps its id: cached data refers to it.
    const attrs = [...systemAttrs(), ...attrsFromSchema(row.id, schema)].map((a) => {
      const prior = stored.byForward(a['forward-identity'][1], a['forward-identity'][2])
      return prior && prior.id !== a.id
        ? { ...a, id: prior.id, 'forward-identity': prior['forward-identity'] }
        : a
    })
    const duplicate = findDuplicateIdentity(attrs)
    if (duplicate) throw validationFailed(`Schema declares ${duplicate} twice`)
    this.storage.putApp(full)
    this.storage.putAttrs(row.id, attrs)
    this.rows.set(row.id, full)
    const loaded = this.loaded.get(row.id)
    if (loaded) {
      for (const a of attrs) loaded.store.attrs.put(a)
      return loaded
    }
    return this.get(row.id)!
  }

  /** Stores new rules for an app (the caller has checked that they compile). */
  putRules(app: AppDb, rules: unknown): void {
    app.row.rules = rules
    this.storage.putApp(app.row)
    this.rows.set(app.id, app.row)
  }

  createEphemeral(title: string, schema: SchemaJson | null, rules: unknown): AppDb {
    return this.ensure({ id: randomUUID(), title, adminToken: randomUUID(), rules, ephemeral: true }, schema)
  }
}

function findDuplicateIdentity(
  attrs: { 'forward-identity': [string, string, string] }[],
): string | undefined {
  const seen = new Set<string>()
  for (const a of attrs) {
    const key = `${a['forward-identity'][1]}.${a['forward-identity'][2]}`
    if (seen.has(key)) return key
    seen.add(key)
  }
  return undefined
}

/** The app with this id; a record-not-found error (the client's "app" hint) otherwise. */
export function requireApp(apps: AppRegistry, appId: unknown): AppDb {
  const app = typeof appId === 'string' ? apps.get(appId.toLowerCase()) : undefined
  if (!app) {
    throw new InstantError('record-not-found', `App not found: ${String(appId)}`, {
      'record-type': 'app',
      input: ['app-id'],
    })
  }
  return app
}
