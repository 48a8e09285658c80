import { SubscriptionLimitError } from '../errors.js'
import {
  identityParams,
  keyedIntentId as intentId,
  matchesGiven,
  paramsKey,
} from './paramsKey.js'
import { isAlreadySubscribed } from './refusals.js'
import {
  planReplay,
  type ReplayBatch,
  type ReplayOptions,
} from './replayPlan.js'
import { LEVEL3_SYMBOL_LIMIT } from './subscriptionCost.js'

/** Where an intent stands with Kraken. */
export type IntentState = 'pending' | 'live' | 'rejected'

/** One subscription the user wants: a channel, a symbol and its params. */
export interface SubscriptionIntent {
  /** Kraken channel, e.g. `book`. */
  readonly channel: string
  /** The symbol, or `undefined` for channels without symbols (executions). */
  readonly symbol: string | undefined
  /** Identity params besides channel and symbol, e.g. `{ depth: 10 }`. */
  readonly params: Readonly<Record<string, unknown>>
  /** Stable text form of `params`. */
  readonly paramsKey: string
  /** Current state. */
  readonly state: IntentState
  /** Kraken's error string, when rejected. */
  readonly error: string | undefined
}

/** Subscribe or unsubscribe params as a request builder produces them. */
export interface SubscriptionParams {
  /** Kraken channel. */
  readonly channel: string
  /** Symbols, for per-symbol channels. */
  readonly symbol?: readonly string[] | undefined
  /** Other params (`depth`, `interval`, `snapshot`, ...). */
  readonly [param: string]: unknown
}

/** One per-symbol subscribe acknowledgement, as the runtime correlated it. */
export interface SubscriptionAck {
  /** The params of the request this ack answers. */
  readonly params: SubscriptionParams
  /** The acknowledged symbol, `undefined` for channels without symbols. */
  readonly symbol: string | undefined
  /** Kraken's `success`. */
  readonly success: boolean
  /** Kraken's `error`, on failure. */
  readonly error?: string | undefined
  /** Whether the request was a replay after a reconnect. */
  readonly replay?: boolean | undefined
}

/** Options of {@link createSubscriptionRegistry}. */
export interface SubscriptionRegistryConfig {
  /**
   * Symbols one level3 connection may hold.
   * @default 200
   */
  level3SymbolLimit?: number
}

/** The user's subscription intents: pure data, no I/O. */
export interface SubscriptionRegistry {
  /** Records intents as pending (a live one stays live). Returns them. */
  add(params: SubscriptionParams): SubscriptionIntent[]
  /**
   * Forgets the intents an unsubscribe covers: same channel and symbols,
   * and every given param equal. Returns how many were removed.
   */
  remove(params: SubscriptionParams): number
  /** Applies one per-symbol ack; returns the updated intent, if known. */
  applyAck(ack: SubscriptionAck): SubscriptionIntent | undefined
  /** Marks every live intent pending again (the socket dropped). */
  markPending(channels?: (channel: string) => boolean): void
  /** Batches to resubscribe pending and live intents. */
  replayPlan(options?: ReplayOptions): ReplayBatch[]
  /** The intent for a channel, symbol and params, if any. */
  get(
    params: SubscriptionParams,
    symbol: string | undefined,
  ): SubscriptionIntent | undefined
  /** Every intent, in insertion order. */
  list(): SubscriptionIntent[]
  /** Whether any intent is pending (cheap: cached between changes). */
  hasPending(): boolean
  /**
   * Marks live the pending intents of `channel` and `symbol` (any params):
   * data for them arrived, so Kraken streams them. Returns those it changed.
   */
  promote(channel: string, symbol: string | undefined): SubscriptionIntent[]
}

type MutableIntent = {
  -readonly [K in keyof SubscriptionIntent]: SubscriptionIntent[K]
}

/**
 * Creates the subscription registry the runtime replays after reconnects.
 *
 * @example
 * ```ts
 * const subscriptions = createSubscriptionRegistry()
 * subscriptions.add({ channel: 'book', symbol: ['BTC/USD'], depth: 10 })
 * subscriptions.applyAck({ params, symbol: 'BTC/USD', success: true })
 * subscriptions.markPending()
 * for (const batch of subscriptions.replayPlan()) send(batch)
 * ```
 */
export function createSubscriptionRegistry(
  config: SubscriptionRegistryConfig = {},
): SubscriptionRegistry {
  const level3Limit = config.level3SymbolLimit ?? LEVEL3_SYMBOL_LIMIT
  const intents = new Map<string, MutableIntent>()
  // Data frames ask "anything pending?" on every frame; the answer is
  // cached and forgotten whenever an intent is added, removed or changes.
  let anyPending: boolean | undefined

  const symbolsOf = (params: SubscriptionParams): (string | undefined)[] =>
    params.symbol === undefined ? [undefined] : [...new Set(params.symbol)]

  const find = (params: SubscriptionParams, symbol: string | undefined) =>
    intents.get(intentId(params.channel, symbol, paramsKey(params)))

  const checkLevel3Limit = (params: SubscriptionParams) => {
    if (params.channel !== 'level3') return
    const symbols = new Set<string | undefined>()
    for (const intent of intents.values()) {
      if (intent.channel === 'level3') symbols.add(intent.symbol)
    }
    for (const symbol of symbolsOf(params)) symbols.add(symbol)
    if (symbols.size > level3Limit) {
      throw new SubscriptionLimitError({
        channel: 'level3',
        limit: level3Limit,
        requested: symbols.size,
      })
    }
  }

  return {
    add(params) {
      checkLevel3Limit(params)
      anyPending = undefined
      const key = paramsKey(params)
      const identity = identityParams(params)
      return symbolsOf(params).map((symbol) => {
        const id = intentId(params.channel, symbol, key)
        const existing = intents.get(id)
        if (existing !== undefined) {
          if (existing.state === 'rejected') {
            existing.state = 'pending'
            existing.error = undefined
          }
          return { ...existing }
        }
        const intent: MutableIntent = {
          channel: params.channel,
          symbol,
          params: identity,
          paramsKey: key,
          state: 'pending',
          error: undefined,
        }
        intents.set(id, intent)
        return { ...intent }
      })
    },

    remove(params) {
      anyPending = undefined
      const wanted = identityParams(params)
      const symbols =
        params.symbol === undefined ? undefined : new Set(params.symbol)
      let removed = 0
      for (const [id, intent] of intents) {
        if (intent.channel !== params.channel) continue
        if (
          symbols !== undefined &&
          (intent.symbol === undefined || !symbols.has(intent.symbol))
        )
          continue
        if (!matchesGiven(intent.params, wanted)) continue
        intents.delete(id)
        removed++
      }
      return removed
    },

    applyAck(ack) {
      const intent = find(ack.params, ack.symbol)
      if (intent === undefined) return undefined
      anyPending = undefined
      if (ack.success) {
        intent.state = 'live'
        intent.error = undefined
      } else if (isAlreadySubscribed(ack.error)) {
        // The socket already holds exactly this subscription, whoever sent
        // it (a replay, a retry after a lost ack, another caller).
        intent.state = 'live'
        intent.error = undefined
      } else {
        intent.state = 'rejected'
        intent.error = ack.error ?? 'Subscription failed.'
      }
      return { ...intent }
    },

    markPending(channels) {
      anyPending = undefined
      for (const intent of intents.values()) {
        if (intent.state !== 'live') continue
        if (channels === undefined || channels(intent.channel))
          intent.state = 'pending'
      }
    },

    replayPlan(options) {
      return planReplay(
        [...intents.values()].filter((intent) => intent.state !== 'rejected'),
        options,
      )
    },

    get(params, symbol) {
      const intent = find(params, symbol)
      return intent === undefined ? undefined : { ...intent }
    },

    list() {
      return [...intents.values()].map((intent) => ({ ...intent }))
    },

    hasPending() {
      if (anyPending === undefined) {
        anyPending = false
        for (const intent of intents.values())
          if (intent.state === 'pending') anyPending = true
      }
      return anyPending
    },

    promote(channel, symbol) {
      const promoted: SubscriptionIntent[] = []
      for (const intent of intents.values()) {
        if (
          intent.state !== 'pending' ||
          intent.channel !== channel ||
          intent.symbol !== symbol
        )
          continue
        intent.state = 'live'
        intent.error = undefined
        promoted.push({ ...intent })
      }
      if (promoted.length > 0) anyPending = undefined
      return promoted
    },
  }
}
