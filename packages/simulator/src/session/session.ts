import type { WebSocket } from 'ws'
import type { SimulatorContext } from '../context.js'
import {
  copyFaults,
  corruptBookFrame,
  isMuted,
  type SessionFaults,
} from '../faults/types.js'
import { encodeJson, type JsonValue } from '../json/encodeJson.js'
import type { Endpoint } from '../server/endpoints.js'
import type { ConnectionRecord } from '../stats/stats.js'
import { handleRequest } from './dispatch.js'
import type {
  ActiveSubscription,
  ConnectionHandler,
  SessionHandle,
} from './types.js'

/** Bytes a live connection may leave unread before it is dropped. */
const MAX_BUFFERED = 64 * 1024 * 1024

/** One accepted WebSocket: subscriptions, faults, and the way frames go out. */
export class Session implements SessionHandle {
  readonly id: string
  readonly endpoint: Endpoint['name']
  readonly serves: Endpoint['serves']
  readonly subscriptions = new Map<string, ActiveSubscription>()
  readonly faults: SessionFaults
  readonly record: ConnectionRecord
  /** Handlers asked before the method registry (see `connectionHandlers`). */
  readonly handlers: ConnectionHandler[] = []
  /** The last frame written, for the `truncate` fault. */
  lastFrame = ''
  readonly #socket: WebSocket
  readonly #context: SimulatorContext
  readonly #closeListeners = new Set<() => void>()
  /** The connection's name in recordings: `endpoint:connection_id`. */
  readonly #conn: string
  /** While a request is processed under a fault: what happens to its answers. */
  #answers: { readonly fate: 'drop' | 'hold'; readonly ms: number } | undefined
  #resolveClosed: () => void = () => {}
  /** Resolves once the socket has closed and the close listeners have run. */
  readonly closed = new Promise<void>((resolve) => {
    this.#resolveClosed = resolve
  })

  constructor(
    socket: WebSocket,
    endpoint: Endpoint,
    id: string,
    context: SimulatorContext,
  ) {
    this.#socket = socket
    this.#context = context
    this.id = id
    this.endpoint = endpoint.name
    this.serves = endpoint.serves
    this.faults = copyFaults(context.globalFaults)
    this.record = {
      id,
      endpoint: endpoint.name,
      openedAt: context.now(),
      closedAt: undefined,
      closeCode: undefined,
      framesSent: 0,
      framesDropped: 0,
    }
    const conn = `${endpoint.name}:${id}`
    this.#conn = conn
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '' : String(data)
      context.recorder?.record('in', isBinary ? data : text, {
        conn,
        isBinary,
      })
      handleRequest(this, text, context)
    })
    socket.on('close', (code) => this.#closed(code))
    // A client's protocol error must not crash the server; the socket closes.
    socket.on('error', () => {})
  }

  get isOpen(): boolean {
    return this.#socket.readyState === this.#socket.OPEN
  }

  /** The socket, for the replay streamer (it watches `bufferedAmount`). */
  get socket(): WebSocket {
    return this.#socket
  }

  /**
   * Runs `process` (the handling of one request) with the frames answering
   * it (anything but channel data: acks, errors, pongs) dropped, or held back
   * `ms`; channel data it causes (snapshots, executions) goes out at once.
   * Answers sent later, outside `process`, are not affected.
   */
  answering(fate: 'drop' | 'hold', ms: number, process: () => void): void {
    const outer = this.#answers
    this.#answers = { fate, ms }
    try {
      process()
    } finally {
      this.#answers = outer
    }
  }

  send(frame: string): void {
    const answers = this.#answers
    if (answers !== undefined && !frame.startsWith('{"channel"')) {
      if (answers.fate === 'drop') this.record.framesDropped++
      else this.#context.timers.timeout(() => this.#send(frame), answers.ms)
      return
    }
    this.#send(frame)
  }

  #send(frame: string): void {
    if (!this.isOpen) return
    if (this.faults.silent || isMuted(this.faults, frame)) {
      this.record.framesDropped++
      return
    }
    if (this.#socket.bufferedAmount > MAX_BUFFERED) {
      // A client that stopped reading a live feed: Kraken drops it too.
      this.terminate()
      return
    }
    const text = corruptBookFrame(this.faults, frame)
    this.lastFrame = text
    this.record.framesSent++
    this.#record(text)
    this.#socket.send(text)
  }

  /**
   * Sends with a callback once the frame is flushed (the replay paces itself
   * on it); a silenced connection drops the frame and calls back at once.
   */
  write(frame: string, callback: () => void): void {
    if (!this.isOpen) return
    if (this.faults.silent) {
      this.record.framesDropped++
      callback()
      return
    }
    this.lastFrame = frame
    this.record.framesSent++
    this.#record(frame)
    this.#socket.send(frame, () => callback())
  }

  /** Hub delivery: published frames go through the same path. */
  deliver(frame: string): void {
    this.send(frame)
  }

  sendJson(value: JsonValue, sortKeys = false): void {
    this.send(encodeJson(value, sortKeys))
  }

  addSubscription(subscription: ActiveSubscription): void {
    this.subscriptions.set(subscription.key, subscription)
    this.#context.hub.add(subscription.topic, this)
  }

  removeSubscription(key: string): ActiveSubscription | undefined {
    const subscription = this.subscriptions.get(key)
    if (subscription === undefined) return undefined
    this.subscriptions.delete(key)
    this.#context.hub.remove(subscription.topic, this)
    // A muted stream (`muteChannel`) ends with its subscription.
    this.faults.muted.delete(key)
    this.faults.muted.delete(key.split(':')[0] ?? key)
    return subscription
  }

  onClose(listener: () => void): () => void {
    this.#closeListeners.add(listener)
    return () => {
      this.#closeListeners.delete(listener)
    }
  }

  close(code = 1000, reason = ''): void {
    this.record.closeCode ??= code
    this.#socket.close(code, reason)
  }

  terminate(): void {
    this.#socket.terminate()
  }

  /** Writes raw text, bypassing faults (the garbage and truncate faults use it). */
  sendRaw(text: string): void {
    if (!this.isOpen) return
    this.record.framesSent++
    this.#record(text)
    this.#socket.send(text)
  }

  #record(text: string): void {
    this.#context.recorder?.record('out', text, { conn: this.#conn })
  }

  #closed(code: number): void {
    if (this.record.closedAt !== undefined) return
    this.record.closedAt = this.#context.now()
    this.record.closeCode ??= code
    for (const key of [...this.subscriptions.keys()])
      this.removeSubscription(key)
    for (const handler of this.handlers) handler.close?.()
    for (const listener of [...this.#closeListeners]) listener()
    this.#closeListeners.clear()
    this.#resolveClosed()
  }
}
