import type { TransportEventMap, TransportEventName } from '../types.js'
import { createEventEmitter } from './eventEmitter.js'

/** A listener of one transport event. */
export type Listener<TEvent extends TransportEventName> = (
  payload: TransportEventMap[TEvent],
) => void

/**
 * Typed listeners for transport events. A listener that throws (or rejects)
 * never breaks the read loop: its error is reported on `error` as a
 * `ListenerError` (errors thrown by `error` listeners themselves are dropped,
 * to avoid a loop).
 */
export type Emitter = {
  on<TEvent extends TransportEventName>(
    event: TEvent,
    listener: Listener<TEvent>,
  ): () => void
  emit<TEvent extends TransportEventName>(
    event: TEvent,
    payload: TransportEventMap[TEvent],
  ): void
}

/**
 * Creates the listener table of a transport: what `nodeWebSocket()`,
 * `fake()` and custom transports (a tape's replay, a bus) expose as `on`.
 * @example
 * ```ts
 * const events = createTransportEmitter()
 * const off = events.on('message', (text) => console.log(text))
 * events.emit('message', '{"channel":"heartbeat"}')
 * ```
 */
export function createEmitter(): Emitter {
  // The one emitter of every package, with the transport's event map; an
  // error nobody listens to is dropped (the transport has no log).
  return createEventEmitter<TransportEventMap>()
}
