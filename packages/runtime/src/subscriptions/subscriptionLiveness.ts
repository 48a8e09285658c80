import type { TransportEndpoint } from '@kraken-sockets/transport'
import { channelEndpoint } from './subscriptionAcks.js'
import type {
  SubscriptionIntent,
  SubscriptionParams,
} from './subscriptionRegistry.js'

/**
 * Per channel, how long (ms) a live subscription may go without data while
 * its socket stays up, or `false` to never call it silent.
 *
 * The defaults, and why:
 * - `book`: 60 s. A book channel sends an update whenever a price level
 *   within its depth changes; on any traded pair that is many times a
 *   minute, so a minute without one, while the socket's heartbeats flow,
 *   means the stream stopped, not the market.
 * - `ticker`, `trade`, `ohlc`, `level3`: off. They speak only on trades
 *   (or per-order events), and an illiquid pair may trade once an hour:
 *   silence there proves nothing. Set a window for liquid pairs (e.g.
 *   `{ ticker: 60_000 }` with `event_trigger: 'bbo'`).
 * - `instrument`, `executions`, `balances`: never (they speak on changes
 *   only; `executions` and `balances` have `sequence` checks instead).
 */
export type SilenceWindows = Partial<
  Record<'book' | 'ticker' | 'trade' | 'ohlc' | 'level3', number | false>
>

/** The default {@link SilenceWindows}: books only, one minute. */
export const DEFAULT_SILENCE_WINDOWS: Readonly<SilenceWindows> = Object.freeze({
  book: 60_000,
})

/** What the `subscription` event reports about one (channel, symbol). */
export type SubscriptionHealthEvent =
  | {
      /** The subscription sent no data for `silentFor` ms while its socket stayed up. */
      readonly type: 'silent'
      readonly endpoint: TransportEndpoint
      readonly channel: string
      readonly symbol: string | undefined
      /** Ms since its last data (at least its channel's window). */
      readonly silentFor: number
    }
  | {
      /** A silent subscription was unsubscribed and subscribed again. */
      readonly type: 'resubscribed'
      readonly endpoint: TransportEndpoint
      readonly channel: string
      readonly symbol: string | undefined
    }
  | {
      /** The resubscription failed; it is tried again after another window. */
      readonly type: 'resubscribe-failed'
      readonly endpoint: TransportEndpoint
      readonly channel: string
      readonly symbol: string | undefined
      readonly reason: string
    }

/** What {@link SubscriptionLiveness} works with. */
export interface SubscriptionLivenessConfig {
  readonly windows: SilenceWindows
  /** The live intents now. */
  readonly live: () => readonly SubscriptionIntent[]
  readonly isOpen: (endpoint: TransportEndpoint) => boolean
  /** Sends one subscribe or unsubscribe frame; rejects when no answer comes. */
  readonly exchange: (
    endpoint: TransportEndpoint,
    method: 'subscribe' | 'unsubscribe',
    params: SubscriptionParams,
  ) => Promise<unknown>
  readonly emit: (event: SubscriptionHealthEvent) => void
  /**
   * Whether another part restarts this subscription now (a book resyncing
   * has its own watchdog): silence is expected there, and is left to it.
   */
  readonly isSyncing?: (channel: string, symbol: string | undefined) => boolean
}

/**
 * Watches each live (channel, symbol) against its channel's silence window
 * ({@link SilenceWindows}): the socket's watchdog proves the socket alive,
 * not each stream on it. A subscription silent past its window is healed
 * alone: unsubscribed and subscribed again (its snapshot restarts it).
 *
 * Time is counted in checks, not read per frame: data marks its stream
 * "seen in the current check", so the hot path costs one map write.
 */
export class SubscriptionLiveness {
  readonly #config: SubscriptionLivenessConfig
  /** Ms between two checks: a quarter of the shortest window. */
  readonly #period: number
  /** Checks so far: the coarse clock `seen` is written in. */
  #check = 0
  /** channel → symbol → the check in which data last arrived. */
  readonly #seen = new Map<string, Map<string | undefined, number>>()
  readonly #healing = new Set<string>()
  #timer: ReturnType<typeof setInterval> | undefined

  constructor(config: SubscriptionLivenessConfig) {
    this.#config = config
    const windows = Object.values(config.windows).filter(
      (ms): ms is number => typeof ms === 'number' && ms > 0,
    )
    this.#period =
      windows.length === 0 ? 0 : Math.max(50, Math.min(...windows) / 4)
  }

  /** Data of `channel` for `symbols` arrived. */
  seen(channel: string, symbols: readonly (string | undefined)[]): void {
    if (!this.#watched(channel)) return
    let bySymbol = this.#seen.get(channel)
    if (bySymbol === undefined) {
      bySymbol = new Map()
      this.#seen.set(channel, bySymbol)
    }
    for (const symbol of symbols) bySymbol.set(symbol, this.#check)
    this.#start()
  }

  /** The socket of `endpoint` went away: its streams are watched afresh. */
  socketLost(endpoint: TransportEndpoint): void {
    for (const channel of this.#seen.keys())
      if (channelEndpoint(channel) === endpoint) this.#seen.delete(channel)
  }

  /** Stops watching (the client stopped). */
  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer)
    this.#timer = undefined
    this.#seen.clear()
    this.#healing.clear()
  }

  #watched(channel: string): boolean {
    const window = this.#config.windows[channel as keyof SilenceWindows]
    return typeof window === 'number' && window > 0
  }

  #start(): void {
    if (this.#timer !== undefined || this.#period === 0) return
    this.#timer = setInterval(() => this.#tick(), this.#period)
  }

  #tick(): void {
    this.#check++
    const watched = this.#config
      .live()
      .filter((intent) => this.#watched(intent.channel))
    if (watched.length === 0) {
      // Nothing left to watch: no timer until data arrives again.
      if (this.#timer !== undefined) clearInterval(this.#timer)
      this.#timer = undefined
      return
    }
    for (const intent of watched) {
      const endpoint = channelEndpoint(intent.channel)
      if (!this.#config.isOpen(endpoint)) continue
      let bySymbol = this.#seen.get(intent.channel)
      if (bySymbol === undefined) {
        bySymbol = new Map()
        this.#seen.set(intent.channel, bySymbol)
      }
      const last = bySymbol.get(intent.symbol)
      if (
        last === undefined ||
        this.#config.isSyncing?.(intent.channel, intent.symbol) === true
      ) {
        // Live but never seen (since the socket opened), or being synced
        // by its owner: watch from now.
        bySymbol.set(intent.symbol, this.#check)
        continue
      }
      const silentFor = (this.#check - last) * this.#period
      const window = this.#config.windows[
        intent.channel as keyof SilenceWindows
      ] as number
      if (silentFor < window) continue
      // Another full window before it may be called silent again.
      bySymbol.set(intent.symbol, this.#check)
      void this.#heal(intent, endpoint, silentFor)
    }
  }

  async #heal(
    intent: SubscriptionIntent,
    endpoint: TransportEndpoint,
    silentFor: number,
  ): Promise<void> {
    const { channel, symbol } = intent
    const key = `${channel}\u0000${symbol ?? ''}\u0000${intent.paramsKey}`
    if (this.#healing.has(key)) return
    this.#healing.add(key)
    const { emit, exchange } = this.#config
    emit({ type: 'silent', endpoint, channel, symbol, silentFor })
    const params: SubscriptionParams = {
      ...intent.params,
      channel,
      ...(symbol === undefined ? {} : { symbol: [symbol] }),
    }
    try {
      await exchange(endpoint, 'unsubscribe', params)
      await exchange(endpoint, 'subscribe', params)
      emit({ type: 'resubscribed', endpoint, channel, symbol })
    } catch (error) {
      emit({
        type: 'resubscribe-failed',
        endpoint,
        channel,
        symbol,
        reason: error instanceof Error ? error.message : String(error),
      })
    } finally {
      this.#healing.delete(key)
    }
  }
}
