import { WebSocket } from 'ws'

/** A plain `ws` client that records every frame, for tests. */
export type TestClient = {
  readonly socket: WebSocket
  /** Every text frame received, in order. */
  readonly frames: string[]
  /** Sends a JSON value (or raw text). */
  send(frame: unknown): void
  /**
   * Resolves with the first frame at or after `from` (default: the next
   * unread one) for which `match` holds; rejects if the socket closes first.
   */
  next(
    match?: (
      frame: string,
      parsed: Record<string, unknown> | undefined,
    ) => boolean,
  ): Promise<string>
  /** Sends a ping and resolves once its pong arrives: everything sent before it has arrived. */
  sync(): Promise<void>
  /** Resolves with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>
  close(): Promise<void>
}

function parse(frame: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(frame)
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

let pingIds = 900_000

/** Connects a recording client; rejects when the upgrade fails. */
export function connect(url: string): Promise<TestClient> {
  const socket = new WebSocket(url)
  const frames: string[] = []
  let cursor = 0
  const waiters = new Set<() => void>()
  socket.on('message', (data) => {
    frames.push(String(data))
    for (const wake of [...waiters]) wake()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) })
      for (const wake of [...waiters]) wake()
    })
  })
  const client: TestClient = {
    socket,
    frames,
    send: (frame) =>
      socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next(match = () => true) {
      return new Promise((resolve, reject) => {
        const check = () => {
          while (cursor < frames.length) {
            const frame = frames[cursor++] ?? ''
            if (match(frame, parse(frame))) {
              waiters.delete(check)
              resolve(frame)
              return
            }
          }
          if (socket.readyState === WebSocket.CLOSED) {
            waiters.delete(check)
            reject(new Error('socket closed before the expected frame'))
          }
        }
        waiters.add(check)
        check()
      })
    },
    async sync() {
      const id = pingIds++
      client.send({ method: 'ping', req_id: id })
      await client.next((_, p) => p?.method === 'pong' && p.req_id === id)
    },
    closed,
    async close() {
      if (socket.readyState !== WebSocket.CLOSED) {
        socket.terminate()
        await closed
      }
    },
  }
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client))
    socket.once('error', reject)
  })
}
