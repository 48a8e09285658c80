import type { FrameData, Recorder } from './recorder.js'

/** The part of a `ws` client socket the recorder needs. */
export type RecordableSocket = {
  send(data: never, ...rest: never[]): void
  on(
    event: 'message',
    listener: (data: FrameData, isBinary: boolean) => void,
  ): unknown
  off(
    event: 'message',
    listener: (data: FrameData, isBinary: boolean) => void,
  ): unknown
}

/**
 * Records a `ws` client socket: frames it receives (`in`) and every
 * `send()` (`out`). Returns a function that stops recording and restores
 * `send`.
 *
 * @example
 * ```ts
 * const ws = new WebSocket(url)
 * const stop = recordWebSocket(ws, recorder, { conn: 'public' })
 * ```
 */
export function recordWebSocket(
  socket: RecordableSocket,
  recorder: Recorder,
  options: { conn?: string } = {},
): () => void {
  const conn = options.conn === undefined ? {} : { conn: options.conn }
  const original = socket.send
  const onMessage = (data: FrameData, isBinary: boolean) =>
    recorder.record('in', data, { ...conn, isBinary })
  socket.on('message', onMessage)
  // An own property shadows the prototype's send; deleting it restores that.
  Object.defineProperty(socket, 'send', {
    configurable: true,
    writable: true,
    value(this: RecordableSocket, data: FrameData, ...rest: unknown[]) {
      // ws sends non-string data as binary unless told `{ binary: false }`.
      const sendOptions = rest[0] as { binary?: boolean } | undefined
      const isBinary = typeof data !== 'string' && sendOptions?.binary !== false
      recorder.record('out', data, { ...conn, isBinary })
      return (original as (...args: unknown[]) => void).call(
        this,
        data,
        ...rest,
      )
    },
  })
  return () => {
    socket.off('message', onMessage)
    delete (socket as { send?: unknown }).send
    if (socket.send !== original)
      Object.defineProperty(socket, 'send', {
        configurable: true,
        writable: true,
        value: original,
      })
  }
}

/** A generic text channel: anything that sends text and reports received text. */
export type TextChannel = {
  send(text: string): void
  onMessage(listener: (text: string) => void): unknown
}

/**
 * Records a generic text channel: returns a `send` that records `out`
 * frames, and records every received frame as `in`.
 */
export function recordChannel(
  channel: TextChannel,
  recorder: Recorder,
  options: { conn?: string } = {},
): { send(text: string): void } {
  const conn = options.conn === undefined ? {} : { conn: options.conn }
  channel.onMessage((text) => recorder.record('in', text, conn))
  return {
    send(text) {
      recorder.record('out', text, conn)
      channel.send(text)
    },
  }
}
