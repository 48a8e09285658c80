/**
 * Structural shapes of the decoded responses the feed reads: a decoded
 * `@kraken-sockets/schema` ticker, trade or ohlc value fits each one, and
 * nothing here imports the runtime or schema at run time.
 */

/** A ticker value (`TickerSnapshotResponse` / `TickerUpdateResponse`). */
export interface TickerLike {
  readonly channel: 'ticker'
  readonly symbol: string
  readonly bid: number
  readonly bid_qty: number
  readonly ask: number
  readonly ask_qty: number
  readonly last: number
  readonly volume: number
  readonly vwap: number
  readonly low: number
  readonly high: number
  readonly change: number
  readonly change_pct: number
  readonly timestamp?: string | undefined
}

/** One trade of a trade value. */
export interface TradeLike {
  readonly symbol: string
  readonly side: 'buy' | 'sell'
  readonly price: number
  readonly qty: number
  readonly timestamp: string
}

/** A trade value (`TradesSnapshotResponse` / `TradesUpdateResponse`). */
export interface TradesLike {
  readonly channel: 'trade'
  readonly trades: readonly TradeLike[]
}

/** One candle of an ohlc value. */
export interface CandleLike {
  readonly symbol: string
  readonly open: number
  readonly high: number
  readonly low: number
  readonly close: number
  readonly vwap: number
  readonly volume: number
  readonly trades: number
  readonly interval_begin: string
  readonly interval: number
}

/** An ohlc value (`OHLCSnapshotResponse` / `OHLCUpdateResponse`). */
export interface OhlcLike {
  readonly channel: 'ohlc'
  readonly candles: readonly CandleLike[]
}

/** A book value (`BookSnapshotResponse` / `BookUpdateResponse`): only its symbol is read. */
export interface BookValueLike {
  readonly channel: 'book'
  readonly symbol: string
}

/** Any value {@link MarketFeed.handle} reads; other values are ignored. */
export type MarketValue = TickerLike | TradesLike | OhlcLike | BookValueLike

/** Numeric ticker fields. */
export type TickerField =
  | 'bid'
  | 'bid_qty'
  | 'ask'
  | 'ask_qty'
  | 'last'
  | 'volume'
  | 'vwap'
  | 'low'
  | 'high'
  | 'change'
  | 'change_pct'

/** Numeric candle fields. */
export type CandleField =
  | 'open'
  | 'high'
  | 'low'
  | 'close'
  | 'vwap'
  | 'volume'
  | 'trades'
