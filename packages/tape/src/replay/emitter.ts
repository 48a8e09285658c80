import {
  ListenerError,
  type TransportEventMap,
  type TransportEventName,
} from '@kraken-sockets/transport'

type Listener<TEvent extends TransportEventName> = (
  payload: TransportEventMap[TEvent],
) => void

/** Typed transport listeners; a throwing listener is reported on `error`. */
export type TransportEmitter = {
  on<TEvent extends TransportEventName>(
    event: TEvent,
    listener: Listener<TEvent>,
  ): () => void
  emit<TEvent extends TransportEventName>(
    event: TEvent,
    payload: TransportEventMap[TEvent],
  ): void
}

/** Creates the listener table a tape-backed transport exposes. */
export function createTransportEmitter(): TransportEmitter {
  const listeners = new Map<TransportEventName, Set<Listener<never>>>()
  const emitter: TransportEmitter = {
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
          // An `error` listener that throws is dropped: no loop.
          if (event !== 'error')
            emitter.emit('error', new ListenerError({ event, cause }))
        }
      }
    },
  }
  return emitter
}
