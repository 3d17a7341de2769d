// Writes teachers, conversations and messages of the local app (instant.schema.ts attrs) straight into
// a stopped local Instant server's SQLite file: the scale benchmarks need up to 10^6 messages, which
// the wire protocol would take many minutes to carry. The server loads them like any stored data.

import { join } from 'node:path'
import { LOCAL_APP_ID } from '../server/instant/local-app.ts'
import type { Attr, Json, Triple } from '../server/instant/model/types.ts'
import { SqliteStorage } from '../server/instant/storage/sqlite.ts'

/** A seeded message: what a cursor on `createdAt` needs. */
export interface SeededMessage {
  id: string
  createdAt: number
}

const BASE_TIME = 1_750_000_000_000
// Realistic lengths: short prompts, longer replies (what the database size depends on).
const PROMPT = 'Erstelle ein Arbeitsblatt zur Bruchrechnung für Klasse 6 mit Lösungen. '
const REPLY = `${'Hier ist ein Arbeitsblatt mit **fünf Aufgaben** und Lösungen. '.repeat(8)}\n\n1. ½ + ¼ = ?`

export class ChatSeeder {
  private readonly storage: SqliteStorage
  private readonly attrs: Attr[]
  private readonly ids = new Map<string, string>()
  private pending: Triple[] = []
  private clock = BASE_TIME
  private serial = 0

  /** dataDir must hold a server's database with the local app (start the server once first). */
  constructor(dataDir: string) {
    this.storage = new SqliteStorage(join(dataDir, 'instant.sqlite'))
    this.attrs = this.storage.attrs(LOCAL_APP_ID)
    if (!this.attrs.length) throw new Error('no local app in this data dir: start the server once first')
  }

  teacher(email: string): string {
    const id = this.newId()
    const t = this.tick()
    this.put(id, '$users', 'id', id, t)
    this.put(id, '$users', 'email', email, t)
    return id
  }

  /** createdAt (and updatedAt): when the chat started; by default the seeder's own clock. */
  conversation(
    owner: string,
    opts: { pinned?: boolean; archived?: boolean; createdAt?: number; title?: string } = {},
  ): string {
    const id = this.newId()
    const t = opts.createdAt ?? this.tick()
    this.put(id, 'conversations', 'id', id, t)
    this.put(id, 'conversations', 'title', opts.title ?? `Unterricht ${this.serial}`, t)
    this.put(id, 'conversations', 'createdAt', t, t)
    this.put(id, 'conversations', 'updatedAt', t, t)
    this.put(id, 'conversations', 'pinned', opts.pinned ?? false, t)
    this.put(id, 'conversations', 'archived', opts.archived ?? false, t)
    this.put(id, 'conversations', 'owner', owner, t)
    return id
  }

  /**
   * n messages, oldest first, alternating prompt and reply, each the previous one's child. With
   * `like`, the texts and times a chat seeded through the admin API has (bench/browser-harness.ts
   * chatHistory, one message a minute from startAt, updatedAt set), so that a chat seeded here differs
   * from those only in its length.
   */
  messages(
    conversation: string,
    n: number,
    like?: { text: (i: number) => string; startAt: number },
  ): SeededMessage[] {
    const out: SeededMessage[] = []
    let parent: string | undefined
    for (let i = 0; i < n; i++) {
      const id = this.newId()
      const t = like ? like.startAt + i * 60_000 : this.tick()
      const isPrompt = i % 2 === 0
      this.put(id, 'messages', 'id', id, t)
      this.put(id, 'messages', 'role', isPrompt ? 'user' : 'assistant', t)
      this.put(id, 'messages', 'text', like ? like.text(i) : isPrompt ? PROMPT : REPLY, t)
      this.put(id, 'messages', 'status', 'done', t)
      this.put(id, 'messages', 'createdAt', t, t)
      if (like) this.put(id, 'messages', 'updatedAt', t, t)
      this.put(id, 'messages', 'conversation', conversation, t)
      if (parent) this.put(id, 'messages', 'parent', parent, t)
      parent = id
      out.push({ id, createdAt: t })
      if (this.pending.length >= 60_000) this.flush()
    }
    return out
  }

  /** The attr id of etype.label in the local app. */
  attrId(etype: string, label: string): string {
    const key = `${etype}.${label}`
    let id = this.ids.get(key)
    if (!id) {
      id = this.attrs.find(
        (a) => a['forward-identity'][1] === etype && a['forward-identity'][2] === label,
      )?.id
      if (!id) throw new Error(`no attr ${key}`)
      this.ids.set(key, id)
    }
    return id
  }

  close(): void {
    this.flush()
    this.storage.close()
  }

  private flush(): void {
    if (!this.pending.length) return
    this.storage.commit(LOCAL_APP_ID, { added: this.pending, removed: [], attrsPut: [], attrsRemoved: [] })
    this.pending = []
  }

  private put(e: string, etype: string, label: string, v: Json, t: number): void {
    this.pending.push([e, this.attrId(etype, label), v, t])
  }

  private tick(): number {
    this.clock += 1
    return this.clock
  }

  /** Deterministic v4-shaped ids, so runs are comparable. */
  private newId(): string {
    const hex = (++this.serial).toString(16).padStart(12, '0')
    return `0b0c0000-0000-4000-8000-${hex}`
  }
}
