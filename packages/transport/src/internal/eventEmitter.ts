import { ListenerError } from '../errors.js'

/** An event map (interface or type): event name to payload; it must have `error`. */
export type EventMap = { readonly error: unknown }

/** A listener of an event with payload `TPayload`; it may be async. */
export type EmitterListener<TPayload> = (payload: TPayload) => unknown

interface Entry {
  readonly listener: EmitterListener<unknown>
  removed: boolean
}

/** Options of {@link createEventEmitter}. */
export interface EventEmitterConfig {
  /**
   * Receives what no listener can take: an `error` event with no listener,
   * and failures of `error` listeners themselves (the runtime logs them).
   * Must not throw; if it does, the throw is swallowed. Default: drop them
   * (a transport has no log of its own).
   */
  unreported?: ((error: unknown, event: string) => void) | undefined
}

/** A typed event emitter whose listeners can never break the emitter. */
export interface EventEmitter<TEvents extends EventMap> {
  /** Adds a listener; returns a function that removes it. */
  on<TEvent extends keyof TEvents & string>(
    event: TEvent,
    listener: EmitterListener<TEvents[TEvent]>,
  ): () => void
  /**
   * Calls every listener of `event` in order. A listener that throws or
   * rejects is reported as a `ListenerError` on `error`, the others still
   * run. Never throws.
   */
  emit<TEvent extends keyof TEvents & string>(
    event: TEvent,
    payload: TEvents[TEvent],
  ): void
  /** Number of listeners of `event`. */
  listenerCount(event: keyof TEvents & string): number
  /** Removes every listener. */
  clear(): void
}

/**
 * Creates a typed event emitter: the one listener table of every package
 * (the transports' `on`, the runtime's `kraken.on`).
 *
 * @example
 * ```ts
 * const events = createEventEmitter<{ error: Error; gap: { dropped: number } }>({
 *   unreported: (error) => console.error(error),
 * })
 * const off = events.on('gap', (gap) => console.log(gap.dropped))
 * ```
 */
export function createEventEmitter<TEvents extends EventMap>(
  config: EventEmitterConfig = {},
): EventEmitter<TEvents> {
  // Lists are replaced, never mutated, so emit walks a stable snapshot; the
  // `removed` flag makes a removal take effect even within that snapshot.
  const listeners = new Map<string, readonly Entry[]>()

  const unreported = (error: unknown, event: string) => {
    try {
      config.unreported?.(error, event)
    } catch {
      // Nothing is left to report to.
    }
  }

  const failed = (event: string, cause: unknown) => {
    if (event === 'error') {
      unreported(new ListenerError({ event, cause }), event)
    } else {
      emit('error', new ListenerError({ event, cause }))
    }
  }

  const emit = (event: string, payload: unknown) => {
    const list = listeners.get(event)
    if (list === undefined) {
      if (event === 'error') unreported(payload, event)
      return
    }
    for (const entry of list) {
      if (entry.removed) continue
      let result: unknown
      try {
        result = entry.listener(payload)
      } catch (error) {
        failed(event, error)
        continue
      }
      if (result instanceof Promise) {
        result.catch((error: unknown) => failed(event, error))
      }
    }
  }

  return {
    on(event, listener) {
      if (typeof listener !== 'function') {
        throw new TypeError(`The listener of "${event}" must be a function.`)
      }
      const entry: Entry = {
        listener: listener as EmitterListener<unknown>,
        removed: false,
      }
      listeners.set(event, [...(listeners.get(event) ?? []), entry])
      return () => {
        if (entry.removed) return
        entry.removed = true
        const rest = (listeners.get(event) ?? []).filter(
          (item) => item !== entry,
        )
        if (rest.length === 0) listeners.delete(event)
        else listeners.set(event, rest)
      }
    },
    emit,
    listenerCount(event) {
      return listeners.get(event)?.length ?? 0
    },
    clear() {
      for (const list of listeners.values()) {
        for (const entry of list) entry.removed = true
      }
      listeners.clear()
    },
  }
}
