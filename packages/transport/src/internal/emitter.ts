import { ListenerError } from '../errors.js'
import type { TransportEventMap, TransportEventName } from '../types.js'

/** A listener of one transport event. */
export type Listener<TEvent extends TransportEventName> = (
  payload: TransportEventMap[TEvent],
) => void

/**
 * Typed listeners for transport events. A listener that throws never breaks
 * the read loop: its error is reported on `error` (errors thrown by `error`
 * listeners themselves are dropped, to avoid a loop).
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
  const listeners = new Map<TransportEventName, Set<Listener<never>>>()
  const emitter: Emitter = {
    on(event, listener) {
      let set = listeners.get(event)
      if (set === undefined) {
        set = new Set()
        listeners.set(event, set)
      }
      const entry = listener as Listener<never>
      set.add(entry)
      return () => {
        set.delete(entry)
      }
    },
    emit(event, payload) {
      const set = listeners.get(event)
      if (set === undefined) return
      for (const listener of [...set]) {
        try {
          ;(listener as Listener<typeof event>)(payload)
        } catch (cause) {
          if (event !== 'error')
            emitter.emit('error', new ListenerError({ event, cause }))
        }
      }
    },
  }
  return emitter
}
