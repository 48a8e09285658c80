import { TIMESTAMP_PATTERN } from '../responses/shared.js'

// Hand-written twins of the schemas of the hot channels. They must accept
// exactly what the schemas accept (a differential test checks it); anything
// they reject goes to the slow path, which explains the failure.

type Loose = Record<string, unknown>

/** A plain JSON object (not an array, not null). */
export function isObject(x: unknown): x is Loose {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/**
 * A number that is not `Infinity` (`JSON.parse` reads `1e400` so): the
 * schemas' numbers must be finite (see `finiteNumbers.ts`).
 */
function isFiniteNumber(x: unknown): x is number {
  return Number.isFinite(x)
}

function isTimestamp(x: unknown): boolean {
  return typeof x === 'string' && TIMESTAMP_PATTERN.test(x)
}

function isOptionalTimestamp(x: unknown): boolean {
  return x === undefined || isTimestamp(x)
}

/** Whether `x` is a valid `ticker` item (TickerEntries). */
export function isTickerItem(x: unknown): x is Loose {
  return (
    isObject(x) &&
    typeof x.symbol === 'string' &&
    isFiniteNumber(x.bid) &&
    isFiniteNumber(x.bid_qty) &&
    isFiniteNumber(x.ask) &&
    isFiniteNumber(x.ask_qty) &&
    isFiniteNumber(x.last) &&
    isFiniteNumber(x.volume) &&
    isFiniteNumber(x.vwap) &&
    isFiniteNumber(x.low) &&
    isFiniteNumber(x.high) &&
    isFiniteNumber(x.change) &&
    isFiniteNumber(x.change_pct) &&
    (x.trades === undefined || Number.isInteger(x.trades)) &&
    isOptionalTimestamp(x.timestamp)
  )
}

/** Whether `x` is a valid trade (TradeSchema). */
export function isTrade(x: unknown): boolean {
  return (
    isObject(x) &&
    typeof x.symbol === 'string' &&
    (x.side === 'buy' || x.side === 'sell') &&
    isFiniteNumber(x.price) &&
    isFiniteNumber(x.qty) &&
    typeof x.ord_type === 'string' &&
    Number.isInteger(x.trade_id) &&
    isTimestamp(x.timestamp)
  )
}

/** Whether `x` is a valid candle (CandleSchema). */
export function isCandle(x: unknown): boolean {
  return (
    isObject(x) &&
    typeof x.symbol === 'string' &&
    isFiniteNumber(x.open) &&
    isFiniteNumber(x.high) &&
    isFiniteNumber(x.low) &&
    isFiniteNumber(x.close) &&
    isFiniteNumber(x.vwap) &&
    Number.isInteger(x.trades) &&
    isFiniteNumber(x.volume) &&
    isTimestamp(x.interval_begin) &&
    Number.isInteger(x.interval) &&
    isOptionalTimestamp(x.timestamp)
  )
}

/** Whether every element of `list` passes `guard`. */
export function every(
  list: unknown[],
  guard: (x: unknown) => boolean,
): boolean {
  for (let i = 0; i < list.length; i++) if (!guard(list[i])) return false
  return true
}

/** Whether `x` is an ohlc envelope timestamp (absent or a timestamp). */
export { isOptionalTimestamp }

/**
 * Whether `x` is a book or level3 item's frame of fields other than levels
 * (the two channels share them): symbol, checksum (uint32), optional
 * timestamp and two lists, whose levels or orders the caller checks as it
 * reads them.
 */
export function isSidedItem(
  x: unknown,
): x is Loose & { bids: unknown[]; asks: unknown[] } {
  return (
    isObject(x) &&
    typeof x.symbol === 'string' &&
    isChecksum(x.checksum) &&
    isOptionalTimestamp(x.timestamp) &&
    Array.isArray(x.bids) &&
    Array.isArray(x.asks)
  )
}

function isChecksum(x: unknown): boolean {
  return (
    Number.isInteger(x) && (x as number) >= 0 && (x as number) <= 0xffff_ffff
  )
}

/** Whether `x` is a book level: `{ price, qty }`, both finite numbers. */
export function isNumberPair(
  x: unknown,
): x is Loose & { price: number; qty: number } {
  return isObject(x) && isFiniteNumber(x.price) && isFiniteNumber(x.qty)
}

/** A level3 order as `JSON.parse` gave it, once {@link isL3Order} passed. */
export type WireL3Order = Loose & {
  order_id: string
  limit_price: number
  order_qty: number
  timestamp: string
}

/**
 * Whether `x` is a level3 order's fields other than `event`: order id, limit
 * price, order qty and timestamp. The caller checks `event` with
 * {@link isL3Event} on updates.
 */
export function isL3Order(x: unknown): x is WireL3Order {
  return (
    isObject(x) &&
    typeof x.order_id === 'string' &&
    isFiniteNumber(x.limit_price) &&
    isFiniteNumber(x.order_qty) &&
    isTimestamp(x.timestamp)
  )
}

/** Whether `x` is a level3 update event: `add`, `modify` or `delete`. */
export function isL3Event(x: unknown): x is 'add' | 'modify' | 'delete' {
  return x === 'add' || x === 'modify' || x === 'delete'
}
