import { HandlerError } from '../errors.js'
import type { DroppedValuesGap } from '../shared/gap.js'
import { RingBuffer } from '../shared/ringBuffer.js'
import type { TriggerHandler, TriggerKey } from './triggerKey.js'

/** Where a runner reports what it cannot handle itself. */
export interface HandlerRunnerHooks {
  /** A handler call threw or rejected. */
  onError(error: HandlerError): void
  /** Queued values were dropped. */
  onGap(gap: DroppedValuesGap): void
  /** The runner started waiting on a promise. */
  onBusy(): void
  /** The runner finished waiting and its queue is empty. */
  onIdle(): void
}

/** A snapshot of one handler's queue, for `stats()`. */
export interface HandlerStats {
  /** Name of the key the handler is registered under. */
  readonly key: string
  /** The handler's function name, or `anonymous`. */
  readonly handler: string
  /** Values waiting for the handler. */
  readonly queued: number
  /** Values dropped so far because the queue was full. */
  readonly dropped: number
  /** Whether the handler is running (waiting on its promise). */
  readonly busy: boolean
}

/**
 * Calls one handler with values in order. While the handler is idle a value
 * is passed straight through (no queue, no microtask); while an async call is
 * pending, values wait in a bounded queue that drops the OLDEST when full.
 *
 * Why the oldest: a handler that falls behind should catch up on the freshest
 * market state rather than on stale prices; and for sequences (book updates,
 * executions) any drop breaks continuity either way, so the gap event, sent
 * just before the handler receives the first value after the gap, tells it
 * to resynchronise. A handler stuck forever never reaches that point; its
 * growing `dropped` count shows in `stats()`.
 */
export class HandlerRunner {
  /** The key the handler is registered under. */
  readonly key: TriggerKey
  /** The handler. */
  readonly handler: TriggerHandler<unknown>
  /** Total values dropped since registration. */
  dropped = 0
  #hooks: HandlerRunnerHooks
  #queueSize: number
  #types: RingBuffer<TriggerKey> | undefined
  #values: RingBuffer<unknown> | undefined
  #busy = false
  #waiting = false
  #removed = false
  #unreportedDrops = 0
  #currentType: TriggerKey | undefined
  #currentValue: unknown

  constructor(args: {
    key: TriggerKey
    handler: TriggerHandler<unknown>
    queueSize: number
    hooks: HandlerRunnerHooks
  }) {
    this.key = args.key
    this.handler = args.handler
    this.#queueSize = args.queueSize
    this.#hooks = args.hooks
  }

  /** Hands one value of response type `type` to the handler, in order. */
  deliver(type: TriggerKey, value: unknown): void {
    if (this.#removed) return
    if (this.#busy) {
      this.#enqueue(type, value)
      return
    }
    this.#busy = true
    if (this.#invoke(type, value)) return
    this.#pump()
  }

  /** Stops delivery; queued values are discarded, a pending call may finish. */
  remove(): void {
    if (this.#removed) return
    this.#removed = true
    this.#reportDrops()
    this.#types?.clear()
    this.#values?.clear()
  }

  /** A snapshot of this handler's queue. */
  stats(): HandlerStats {
    return {
      key: this.key.name,
      handler: this.handler.name || 'anonymous',
      queued: this.#values?.size ?? 0,
      dropped: this.dropped,
      busy: this.#waiting,
    }
  }

  #enqueue(type: TriggerKey, value: unknown): void {
    if (this.#values === undefined || this.#types === undefined) {
      this.#types = new RingBuffer(this.#queueSize)
      this.#values = new RingBuffer(this.#queueSize)
    }
    this.#types.push(type)
    if (this.#values.push(value)) {
      this.dropped++
      this.#unreportedDrops++
    }
  }

  /** Calls the handler; returns `true` when it went async. */
  #invoke(type: TriggerKey, value: unknown): boolean {
    let result: unknown
    try {
      result = this.handler(value)
    } catch (error) {
      this.#report(type, value, error)
      return false
    }
    if (!isThenable(result)) return false
    this.#currentType = type
    this.#currentValue = value
    if (!this.#waiting) {
      this.#waiting = true
      this.#hooks.onBusy()
    }
    try {
      result.then(this.#settled, this.#failed)
    } catch (error) {
      // A hostile thenable whose `then` throws: count it as a failure.
      this.#failed(error)
    }
    return true
  }

  /** Runs queued values until one goes async or the queue is empty. */
  #pump(): void {
    const types = this.#types
    const values = this.#values
    while (
      !this.#removed &&
      types !== undefined &&
      values !== undefined &&
      values.size > 0
    ) {
      this.#reportDrops()
      const type = types.shift()
      const value = values.shift()
      if (type !== undefined && this.#invoke(type, value)) return
    }
    this.#busy = false
    if (this.#waiting) {
      this.#waiting = false
      this.#hooks.onIdle()
    }
  }

  #settled = (): void => {
    this.#currentType = undefined
    this.#currentValue = undefined
    this.#pump()
  }

  #failed = (error: unknown): void => {
    const type = this.#currentType
    const value = this.#currentValue
    this.#currentType = undefined
    this.#currentValue = undefined
    if (type !== undefined) this.#report(type, value, error)
    this.#pump()
  }

  #report(type: TriggerKey, value: unknown, cause: unknown): void {
    const error = new HandlerError({
      key: this.key.name,
      type: type.name,
      handler: this.handler,
      value,
      cause,
    })
    try {
      this.#hooks.onError(error)
    } catch {
      // The hook is the runtime's own reporter; it must not stop delivery.
    }
  }

  #reportDrops(): void {
    if (this.#unreportedDrops === 0) return
    const dropped = this.#unreportedDrops
    this.#unreportedDrops = 0
    try {
      this.#hooks.onGap({
        source: 'handler',
        key: this.key.name,
        handler: this.handler,
        dropped,
      })
    } catch {
      // As above: reporting must not stop delivery.
    }
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
