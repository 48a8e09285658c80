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

/**
 * The latest ticker per symbol, kept from every `ticker` snapshot and
 * update, and the promises waiting for a symbol's first one.
 */
export class TickerState {
  #latest = new Map<string, LatestTicker>()
  #waiters = new KeyedWaiters<string, LatestTicker>()

  /** Keeps `value` as its symbol's latest and settles that symbol's waiters. */
  apply(value: TickerSnapshotResponse | TickerUpdateResponse): void {
    const ms =
      value.timestamp === undefined ? undefined : timestampMs(value.timestamp)
    const latest: LatestTicker =
      ms === undefined ? value : { ...value, timestamp_ms: ms }
    this.#latest.set(value.symbol, latest)
    this.#waiters.resolve(value.symbol, latest)
  }

  /** The latest ticker of `symbol`, or undefined before the first. */
  get(symbol: string): LatestTicker | undefined {
    return this.#latest.get(symbol)
  }

  /** Every symbol's latest ticker; live and read-only. */
  get all(): ReadonlyMap<string, LatestTicker> {
    return this.#latest
  }

  /** The latest ticker of `symbol` now, or the first one to arrive. */
  first(symbol: string, signal?: AbortSignal): Promise<LatestTicker> {
    const latest = this.#latest.get(symbol)
    if (latest !== undefined) return Promise.resolve(latest)
    return this.#waiters.wait(symbol, signal)
  }

  /** Rejects every waiting `first()` with `error` (the client stopped). */
  stop(error: unknown): void {
    this.#waiters.rejectAll(error)
  }
}
