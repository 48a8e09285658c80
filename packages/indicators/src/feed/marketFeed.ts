import { type BookFeatures, bookFeatures } from '../book/bookFeatures.js'
import { candleSeries } from '../candles/candleSeries.js'
import { DuplicateSeriesError } from '../errors.js'
import { latest } from '../series/latest.js'
import type { StreamingIndicator } from '../types.js'
import type {
  CandleLike,
  MarketValue,
  TickerLike,
  TradeLike,
} from './marketValues.js'
import type {
  BookTrack,
  FieldTrack,
  IndicatorTrack,
  SeriesSink,
} from './trackSpecs.js'

/** Options of {@link createMarketFeed}. */
export interface MarketFeedOptions {
  /** Receives every published value (an `AlertEngine` fits). */
  readonly sink?: SeriesSink | undefined
  /** Clock for tickers without a timestamp (epoch ms). @default Date.now */
  readonly now?: (() => number) | undefined
}

/** Routes decoded market values into named indicators. */
export interface MarketFeed {
  /**
   * Tracks an indicator or a raw field under `spec.name`.
   * @throws {DuplicateSeriesError} when the name is taken.
   */
  track<TInput, TResult>(
    spec: IndicatorTrack<TInput, TResult> | FieldTrack,
  ): void
  /**
   * Tracks a verified book's features.
   * @throws {DuplicateSeriesError} when the name is taken.
   */
  trackBook(spec: BookTrack): void
  /** Stops tracking a name; returns whether it was tracked. */
  untrack(name: string): boolean
  /**
   * Feeds one decoded value (ticker, trade, ohlc or book; others are
   * ignored) to the tracks of its channel and symbol.
   */
  handle(value: MarketValue | object): void
  /** The latest result of a track (book tracks: their features), or `null`. */
  result(name: string): unknown
}

interface Route {
  readonly name: string
  feed(item: unknown, at: number): void
  read(): unknown
}

/**
 * Creates a feed that turns decoded ticker, trade and ohlc values (as the
 * runtime's triggers receive them) into indicator results, and publishes
 * each result to a sink, typically an `AlertEngine`. Pure: no I/O and no
 * run-time import of the runtime; values are read structurally.
 *
 * @example
 * ```ts
 * import { createAlertEngine, createMarketFeed, rsi } from '@kraken-sockets/indicators'
 * const engine = createAlertEngine()
 * const feed = createMarketFeed({ sink: engine })
 * feed.track({ name: 'rsi14', symbol: 'BTC/USD', channel: 'ohlc', interval: 1,
 *   indicator: rsi(14), input: (c) => c.close })
 * kraken.trigger(OHLCUpdateResponse, (v) => feed.handle(v))
 * ```
 */
export function createMarketFeed(options: MarketFeedOptions = {}): MarketFeed {
  const now = options.now ?? Date.now
  const sink = options.sink
  const routes = new Map<string, Map<string, Route>>()
  const keys = new Map<string, string>()

  const publish = (name: string, result: unknown): void => {
    if (sink === undefined || result === null) return
    if (typeof result === 'number') {
      sink.update(name, result)
      return
    }
    if (typeof result !== 'object') return
    for (const [key, value] of Object.entries(result)) {
      if (typeof value === 'number') sink.update(`${name}.${key}`, value)
      else if (value === null) sink.invalidate(`${name}.${key}`, 'unavailable')
    }
  }

  const addRoute = (key: string, route: Route): void => {
    if (keys.has(route.name)) throw new DuplicateSeriesError(route.name)
    keys.set(route.name, key)
    const byName = routes.get(key) ?? new Map<string, Route>()
    routes.set(key, byName)
    byName.set(route.name, route)
  }

  const indicatorRoute = <TInput, TResult>(
    spec: IndicatorTrack<TInput, TResult>,
  ): Route => {
    const { name, indicator } = spec
    if (spec.channel !== 'ohlc')
      return {
        name,
        feed: (item, at) =>
          publish(name, indicator.add(spec.input(item as never, at))),
        read: () => indicator.result,
      }
    const series = candleSeries(
      indicator,
      (candle: Parameters<typeof spec.input>[0]) =>
        spec.input(candle, Date.parse(candle.interval_begin)),
    )
    return {
      name,
      feed: (item) => {
        const update = series.update(item as Parameters<typeof spec.input>[0])
        if (update.action !== 'ignore') publish(name, update.result)
      },
      read: () => series.result,
    }
  }

  const fieldAsIndicator = (
    spec: FieldTrack,
  ): IndicatorTrack<number, number> => {
    const indicator: StreamingIndicator<number, number> = latest()
    switch (spec.channel) {
      case 'ticker':
        return { ...spec, indicator, input: (t: TickerLike) => t[spec.field] }
      case 'trade':
        return { ...spec, indicator, input: (t: TradeLike) => t[spec.field] }
      case 'ohlc':
        return { ...spec, indicator, input: (c: CandleLike) => c[spec.field] }
      default:
        return spec satisfies never
    }
  }

  const routeKey = (channel: string, symbol: string, interval?: number) =>
    interval === undefined
      ? `${channel}|${symbol}`
      : `${channel}|${interval}|${symbol}`

  const forEachRoute = (key: string, item: unknown, at: number) => {
    const byName = routes.get(key)
    if (byName !== undefined)
      for (const route of byName.values()) route.feed(item, at)
  }

  return {
    track(spec) {
      const key = routeKey(
        spec.channel,
        spec.symbol,
        spec.channel === 'ohlc' ? spec.interval : undefined,
      )
      addRoute(
        key,
        'field' in spec
          ? indicatorRoute(fieldAsIndicator(spec))
          : indicatorRoute(spec),
      )
    },
    trackBook(spec) {
      let features: BookFeatures | null = null
      const names = [
        'spread',
        'mid',
        'spreadBps',
        'microprice',
        'imbalance',
        'bidDepth',
        'askDepth',
      ].map((key) => `${spec.name}.${key}`)
      addRoute(routeKey('book', spec.symbol), {
        name: spec.name,
        feed: () => {
          const computed = bookFeatures(spec.book, spec.options)
          if (computed.ok) {
            features = computed.features
            publish(spec.name, features)
            return
          }
          features = null
          const reason =
            computed.reason === 'out_of_sync' ? 'out_of_sync' : 'unavailable'
          for (const name of names) sink?.invalidate(name, reason)
        },
        read: () => features,
      })
    },
    untrack(name) {
      const key = keys.get(name)
      if (key === undefined) return false
      keys.delete(name)
      routes.get(key)?.delete(name)
      return true
    },
    handle(value) {
      const v = value as MarketValue
      switch (v.channel) {
        case 'ticker': {
          const at = v.timestamp === undefined ? now() : Date.parse(v.timestamp)
          forEachRoute(routeKey('ticker', v.symbol), v, at)
          return
        }
        case 'trade':
          for (const trade of v.trades)
            forEachRoute(
              routeKey('trade', trade.symbol),
              trade,
              Date.parse(trade.timestamp),
            )
          return
        case 'ohlc':
          for (const candle of v.candles)
            forEachRoute(
              routeKey('ohlc', candle.symbol, candle.interval),
              candle,
              0,
            )
          return
        case 'book':
          forEachRoute(routeKey('book', v.symbol), v, 0)
          return
        default:
          return
      }
    },
    result(name) {
      const key = keys.get(name)
      return key === undefined
        ? null
        : (routes.get(key)?.get(name)?.read() ?? null)
    },
  }
}
