import type {
  TickerSnapshotResponse,
  TickerUpdateResponse,
} from '@kraken-sockets/schema'
import { KeyedWaiters } from './keyedWaiters.js'
import { timestampMs } from './timestampMs.js'

/**
 * The latest ticker of a symbol: Kraken's snapshot or update as decoded
 * (every field unchanged), plus `timestamp_ms`, Kraken's `timestamp` in ms
 * since the epoch when the frame had one.
 */
export type LatestTicker = (TickerSnapshotResponse | TickerUpdateResponse) & {
  /** `timestamp` as ms since the epoch (fraction kept); absent when Kraken sent none. */
  readonly timestamp_ms?: number
}

type TickerValue = TickerSnapshotResponse | TickerUpdateResponse

/**
 * The latest ticker per symbol, kept from every `ticker` snapshot and
 * update, and the promises waiting for a symbol's first one. Applying a
 * value only stores it: `timestamp_ms` is worked out when the ticker is
 * read, so the hot path (every ticker frame) allocates nothing.
 */
export class TickerState {
  #values = new Map<string, TickerValue>()
  /** Tickers already read since their last value, with `timestamp_ms`. */
  #read = new Map<string, LatestTicker>()
  #waiters = new KeyedWaiters<string, LatestTicker>()

  /** Keeps `value` as its symbol's latest and settles that symbol's waiters. */
  apply(value: TickerValue): void {
    this.#values.set(value.symbol, value)
    this.#read.delete(value.symbol)
    if (this.#waiters.has(value.symbol))
      this.#waiters.resolve(value.symbol, this.#latest(value))
  }

  /** The latest ticker of `symbol`, or undefined before the first. */
  get(symbol: string): LatestTicker | undefined {
    const value = this.#values.get(symbol)
    return value === undefined ? undefined : this.#latest(value)
  }

  /** Every symbol's latest ticker as of now (a new map on each call). */
  get all(): ReadonlyMap<string, LatestTicker> {
    const all = new Map<string, LatestTicker>()
    for (const value of this.#values.values())
      all.set(value.symbol, this.#latest(value))
    return all
  }

  /** The latest ticker of `symbol` now, or the first one to arrive. */
  first(symbol: string, signal?: AbortSignal): Promise<LatestTicker> {
    const latest = this.get(symbol)
    if (latest !== undefined) return Promise.resolve(latest)
    return this.#waiters.wait(symbol, signal)
  }

  /** Rejects every waiting `first()` with `error` (the client stopped). */
  stop(error: unknown): void {
    this.#waiters.rejectAll(error)
  }

  /** `value` with `timestamp_ms`, built once per value. */
  #latest(value: TickerValue): LatestTicker {
    const read = this.#read.get(value.symbol)
    if (read !== undefined) return read
    const ms =
      value.timestamp === undefined ? undefined : timestampMs(value.timestamp)
    const latest: LatestTicker =
      ms === undefined ? value : { ...value, timestamp_ms: ms }
    this.#read.set(value.symbol, latest)
    return latest
  }
}
