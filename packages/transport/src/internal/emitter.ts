import { ListenerError } from '../errors.js'
import type { TransportEventMap, TransportEventName } from '../types.js'

type Listener<TEvent extends TransportEventName> = (
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
