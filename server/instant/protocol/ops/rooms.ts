// Room ops: join-room, leave-room, set-presence, client-broadcast (typing indicators and the like).

import { InstantError } from '../../errors.ts'
import type { Frame } from '../frames.ts'
import type { Session } from '../session.ts'

function roomId(frame: Frame): string {
  const id = frame['room-id']
  if (typeof id !== 'string' || !id)
    throw new InstantError('param-malformed', 'room-id is required', { input: ['room-id'] })
  return id
}

export function handleJoinRoom(session: Session, frame: Frame): void {
  const id = roomId(frame)
  session.send({ op: 'join-room-ok', 'room-id': id, 'client-event-id': frame['client-event-id'] })
  session.deps.rooms.join(session, id, frame.data)
}

export function handleLeaveRoom(session: Session, frame: Frame): void {
  const id = roomId(frame)
  session.deps.rooms.leave(session, id)
  session.send({ op: 'leave-room-ok', 'room-id': id, 'client-event-id': frame['client-event-id'] })
}

export function handleSetPresence(session: Session, frame: Frame): void {
  const id = roomId(frame)
  if (!session.deps.rooms.setPresence(session, id, frame.data)) {
    throw new InstantError('param-malformed', `Join room ${id} before setting presence`, {
      input: ['room-id'],
    })
  }
  session.send({ op: 'set-presence-ok', 'room-id': id, 'client-event-id': frame['client-event-id'] })
}

export function handleBroadcast(session: Session, frame: Frame): void {
  const id = roomId(frame)
  if (!session.deps.rooms.isMember(session, id)) {
    throw new InstantError('param-malformed', `Join room ${id} before broadcasting`, { input: ['room-id'] })
  }
  session.deps.rooms.broadcast(session, id, frame.topic, frame.data)
  session.send({ op: 'client-broadcast-ok', 'room-id': id, 'client-event-id': frame['client-event-id'] })
}
