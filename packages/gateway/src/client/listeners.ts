import type {
  TransportEventMap,
  TransportEventName,
} from '@kraken-sockets/transport'

type Listener<TEvent extends TransportEventName> = (
  payload: TransportEventMap[TEvent],
) => void

/**
 * The transport events' listener sets. A listener that throws is reported
 * on `error` (if it was not an `error` listener) and never stops the others.
 */
export function createListeners(onListenerError: (error: unknown) => void) {
  const sets = new Map<TransportEventName, Set<Listener<never>>>()
  return {
    on<TEvent extends TransportEventName>(
      event: TEvent,
      listener: Listener<TEvent>,
    ): () => void {
      let set = sets.get(event)
      if (set === undefined) {
        set = new Set()
        sets.set(event, set)
      }
      const entry = listener as Listener<never>
      set.add(entry)
      return () => {
        set.delete(entry)
      }
    },
    emit<TEvent extends TransportEventName>(
      event: TEvent,
      payload: TransportEventMap[TEvent],
    ): void {
      for (const listener of sets.get(event) ?? []) {
        try {
          ;(listener as Listener<TEvent>)(payload)
        } catch (error) {
          if (event !== 'error') onListenerError(error)
        }
      }
    },
  }
}
