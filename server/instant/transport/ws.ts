// The WebSocket transport at /runtime/session: one protocol session per socket.

import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer } from 'ws'
import { newSession, type ServerContext } from '../context.ts'

export class WsTransport {
  private wss: WebSocketServer

  constructor(private ctx: ServerContext) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: ctx.limits.maxFrameBytes * 4 })
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const session = newSession(this.ctx, (frames) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frames))
      })
      ws.on('message', (data, isBinary) => {
        session.receive(isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString())
      })
      ws.on('close', () => session.close())
      ws.on('error', () => session.close())
    })
  }

  closeAll(): void {
    for (const client of this.wss.clients) client.terminate()
    this.wss.close()
  }
}
