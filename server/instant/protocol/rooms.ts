// Rooms and presence per app: who is in a room, with what presence data. Full `refresh-presence`
// snapshots go to every member on each change (the client also accepts patches; we never need them).

import type { Frame } from './frames.ts'
import type { Session } from './session.ts'

interface Member {
  session: Session
  data: unknown
}

export class Rooms {
  // appId \0 roomId → sessionId → member
  private rooms = new Map<string, Map<string, Member>>()

  private key(session: Session, roomId: string): string {
    return `${session.app?.id}\u0000${roomId}`
  }

  join(session: Session, roomId: string, data: unknown): void {
    const key = this.key(session, roomId)
    const members = this.rooms.get(key) ?? new Map<string, Member>()
    members.set(session.id, { session, data: data ?? {} })
    this.rooms.set(key, members)
    this.publish(key, roomId)
  }

  setPresence(session: Session, roomId: string, data: unknown): boolean {
    const key = this.key(session, roomId)
    const member = this.rooms.get(key)?.get(session.id)
    if (!member) return false
    member.data = data ?? {}
    this.publish(key, roomId)
    return true
  }

  leave(session: Session, roomId: string): void {
    const key = this.key(session, roomId)
    const members = this.rooms.get(key)
    if (!members?.delete(session.id)) return
    if (!members.size) this.rooms.delete(key)
    else this.publish(key, roomId)
  }

  leaveAll(session: Session): void {
    for (const [key, members] of [...this.rooms]) {
      if (!members.has(session.id)) continue
      this.leave(session, key.slice(key.indexOf('\u0000') + 1))
    }
  }

  isMember(session: Session, roomId: string): boolean {
    return this.rooms.get(this.key(session, roomId))?.has(session.id) ?? false
  }

  /** Sends a broadcast to every other member of the room. */
  broadcast(from: Session, roomId: string, topic: unknown, data: unknown): void {
    const members = this.rooms.get(this.key(from, roomId))
    if (!members) return
    const frame: Frame = {
      op: 'server-broadcast',
      'room-id': roomId,
      topic,
      data: { 'peer-id': from.id, user: from.user ? { id: from.user.id } : null, data },
    }
    for (const m of members.values()) if (m.session !== from) m.session.send(frame)
  }

  private publish(key: string, roomId: string): void {
    const members = this.rooms.get(key)
    if (!members) return
    const data: Record<string, unknown> = {}
    for (const m of members.values()) {
      data[m.session.id] = {
        'peer-id': m.session.id,
        user: m.session.user ? { id: m.session.user.id } : null,
        data: m.data,
      }
    }
    for (const m of members.values()) m.session.send({ op: 'refresh-presence', 'room-id': roomId, data })
  }
}
