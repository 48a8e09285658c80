import type { DecodeFailureError, HandlerError } from '../errors.js'
import type { DroppedValuesGap } from '../shared/gap.js'
import {
  HandlerRunner,
  type HandlerRunnerHooks,
  type HandlerStats,
} from './handlerRunner.js'
import type { TriggerHandler, TriggerKey } from './triggerKey.js'

/** What a catch-all handler receives: every response, and every failure. */
export type CatchAllItem =
  | {
      readonly kind: 'response'
      readonly type: TriggerKey
      readonly value: unknown
    }
  | { readonly kind: 'undecoded'; readonly error: DecodeFailureError }

/** Options of {@link createTriggerRegistry}. */
export interface TriggerRegistryConfig {
  /**
   * Values a busy handler may have waiting before the oldest is dropped and
   * reported as a gap.
   * @default 1_000
   */
  queueSize?: number
  /** Receives handler failures (the runtime's `error` event). */
  onError: (error: HandlerError) => void
  /** Receives dropped-value reports (the runtime's `gap` event). */
  onGap: (gap: DroppedValuesGap) => void
}

/** Queue figures of a registry, for `stats()`. */
export interface TriggerStats {
  /** Registered handlers, catch-alls included. */
  readonly handlers: number
  /** Handlers waiting on a pending promise. */
  readonly busy: number
  /** Values waiting in all queues. */
  readonly queued: number
  /** Values dropped since the registry was created, removed handlers included. */
  readonly dropped: number
  /** Per-handler figures. */
  readonly byHandler: readonly HandlerStats[]
}

/**
 * One of the runtime's own consumers (books, trading, system status, the
 * request correlation): called synchronously with each value of its key and
 * where it came from, before any trigger handler of that value runs.
 */
export type ResponseConsumer<TValue = never, TOrigin = unknown> = (
  value: TValue,
  origin: TOrigin,
) => void

/**
 * Trigger handlers by key, and the one dispatch of decoded responses: the
 * runtime's consumers first, then the user's handlers. `TOrigin` is what
 * consumers learn about a value's source (the runtime passes its socket).
 */
export interface TriggerRegistry<TOrigin = unknown> {
  /** Registers `handler` for a response type or family; returns its remover. */
  add(key: TriggerKey, handler: TriggerHandler<never>): () => void
  /**
   * Registers one of the runtime's own consumers for a response type or
   * family; returns its remover. Consumers run before handlers, each response
   * type's own before its families', in registration order; they are not
   * handlers (not in `stats()`, not in `hasHandlers`).
   */
  consume(
    key: TriggerKey,
    consumer: ResponseConsumer<never, TOrigin>,
  ): () => void
  /** Registers a handler for every response and every undecodable frame. */
  addCatchAll(handler: TriggerHandler<CatchAllItem>): () => void
  /**
   * Dispatches one decoded response: to the consumers of `type` and of its
   * families (a consumer's throw propagates), then to the handlers of `type`,
   * then of each of its families, then to the catch-alls (these never throw).
   */
  dispatch(type: TriggerKey, value: unknown, origin?: TOrigin): void
  /** Hands a decode failure to the catch-all handlers. Never throws. */
  dispatchFailure(error: DecodeFailureError): void
  /** Whether anything listens to `type` (directly, by family, or catch-all). */
  hasHandlers(type: TriggerKey): boolean
  /** Resolves once every handler is idle with an empty queue. */
  drain(): Promise<void>
  /** Removes every handler (the runtime's consumers stay). */
  clear(): void
  /** Current queue figures. */
  stats(): TriggerStats
}

const CATCH_ALL: TriggerKey = Object.freeze({ kind: 'family', name: '*' })
const NONE: readonly HandlerRunner[] = Object.freeze([])
const NO_CONSUMERS: readonly never[] = Object.freeze([])
const NONE_KEYS: readonly TriggerKey[] = Object.freeze([])

/** What one response type's dispatch walks: consumers, then handlers. */
interface DispatchPlan<TOrigin> {
  readonly consumers: readonly ResponseConsumer<unknown, TOrigin>[]
  readonly runners: readonly HandlerRunner[]
}

/**
 * Creates a trigger registry. Handler lists are copied on change, so that a
 * dispatch walks a stable array without allocating, even when a handler adds
 * or removes handlers while it runs.
 *
 * @example
 * ```ts
 * const registry = createTriggerRegistry({ onError: report, onGap: report })
 * const off = registry.add(TickerUpdateResponse, (ticker) => {})
 * registry.dispatch(TickerUpdateResponse, value)
 * off()
 * ```
 */
export function createTriggerRegistry<TOrigin = unknown>(
  config: TriggerRegistryConfig,
): TriggerRegistry<TOrigin> {
  const queueSize = config.queueSize ?? 1_000
  if (!Number.isInteger(queueSize) || queueSize < 1) {
    throw new RangeError(
      `queueSize must be a positive integer, got ${queueSize}.`,
    )
  }
  const runners = new Map<TriggerKey, readonly HandlerRunner[]>()
  const consumers = new Map<
    TriggerKey,
    readonly ResponseConsumer<unknown, TOrigin>[]
  >()
  // Per response type, its consumers and runners and its families' in
  // dispatch order: one lookup per message. Rebuilt lazily after any change.
  const plans = new Map<TriggerKey, DispatchPlan<TOrigin>>()
  const planFor = (type: TriggerKey): DispatchPlan<TOrigin> => {
    const known = plans.get(type)
    if (known !== undefined) return known
    const keys = [type, ...(type.families ?? NONE_KEYS)]
    const ownConsumers = keys.flatMap((key) => consumers.get(key) ?? [])
    const ownRunners = keys.flatMap((key) => runners.get(key) ?? NONE)
    const plan: DispatchPlan<TOrigin> = {
      consumers: ownConsumers.length === 0 ? NO_CONSUMERS : ownConsumers,
      runners: ownRunners.length === 0 ? NONE : ownRunners,
    }
    plans.set(type, plan)
    return plan
  }
  let catchAll: readonly HandlerRunner[] = NONE
  let busy = 0
  let droppedByRemoved = 0
  let drainWaiters: (() => void)[] = []

  const hooks: HandlerRunnerHooks = {
    onError: config.onError,
    onGap: config.onGap,
    onBusy() {
      busy++
    },
    onIdle() {
      busy--
      if (busy > 0 || drainWaiters.length === 0) return
      const waiters = drainWaiters
      drainWaiters = []
      for (const resolve of waiters) resolve()
    },
  }

  const attach = (key: TriggerKey, handler: TriggerHandler<never>) => {
    if (typeof handler !== 'function') {
      throw new TypeError(`The handler for ${key.name} must be a function.`)
    }
    return new HandlerRunner({
      key,
      handler: handler as TriggerHandler<unknown>,
      queueSize,
      hooks,
    })
  }

  const retired = new WeakSet<HandlerRunner>()
  const retire = (runner: HandlerRunner) => {
    if (retired.has(runner)) return
    retired.add(runner)
    runner.remove()
    droppedByRemoved += runner.dropped
  }

  return {
    add(key, handler) {
      const runner = attach(key, handler)
      runners.set(key, [...(runners.get(key) ?? NONE), runner])
      plans.clear()
      return () => {
        retire(runner)
        const list = runners.get(key)
        if (list === undefined) return
        const rest = list.filter((item) => item !== runner)
        if (rest.length === 0) runners.delete(key)
        else if (rest.length !== list.length) runners.set(key, rest)
        plans.clear()
      }
    },

    consume(key, consumer) {
      const added = consumer as ResponseConsumer<unknown, TOrigin>
      consumers.set(key, [...(consumers.get(key) ?? []), added])
      plans.clear()
      return () => {
        const rest = (consumers.get(key) ?? []).filter((item) => item !== added)
        if (rest.length === 0) consumers.delete(key)
        else consumers.set(key, rest)
        plans.clear()
      }
    },

    addCatchAll(handler) {
      const runner = attach(CATCH_ALL, handler as TriggerHandler<never>)
      catchAll = [...catchAll, runner]
      return () => {
        retire(runner)
        catchAll = catchAll.filter((item) => item !== runner)
      }
    },

    dispatch(type, value, origin) {
      const plan = planFor(type)
      const own = plan.consumers
      for (let index = 0; index < own.length; index++) {
        own[index]?.(value, origin as TOrigin)
      }
      const handlers = plan.runners
      for (let index = 0; index < handlers.length; index++) {
        handlers[index]?.deliver(type, value)
      }
      if (catchAll.length === 0) return
      const item: CatchAllItem = { kind: 'response', type, value }
      for (const runner of catchAll) runner.deliver(type, item)
    },

    dispatchFailure(error) {
      if (catchAll.length === 0) return
      const item: CatchAllItem = { kind: 'undecoded', error }
      for (const runner of catchAll) runner.deliver(CATCH_ALL, item)
    },

    hasHandlers(type) {
      return catchAll.length > 0 || planFor(type).runners.length > 0
    },

    drain() {
      if (busy === 0) return Promise.resolve()
      return new Promise((resolve) => {
        drainWaiters.push(resolve)
      })
    },

    clear() {
      for (const list of runners.values()) {
        for (const runner of list) retire(runner)
      }
      for (const runner of catchAll) retire(runner)
      runners.clear()
      plans.clear()
      catchAll = NONE
    },

    stats() {
      const byHandler: HandlerStats[] = []
      for (const list of runners.values()) {
        for (const runner of list) byHandler.push(runner.stats())
      }
      for (const runner of catchAll) byHandler.push(runner.stats())
      let queued = 0
      let dropped = droppedByRemoved
      let waiting = 0
      for (const item of byHandler) {
        queued += item.queued
        dropped += item.dropped
        if (item.busy) waiting++
      }
      return {
        handlers: byHandler.length,
        busy: waiting,
        queued,
        dropped,
        byHandler,
      }
    },
  }
}
