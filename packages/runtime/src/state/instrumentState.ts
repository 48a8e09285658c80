import type {
  Asset,
  InstrumentsSnapshotResponse,
  InstrumentsUpdateResponse,
  Pair,
} from '@kraken-sockets/schema'
import { KeyedWaiters } from './keyedWaiters.js'

/** Kraken's reference data from the `instrument` channel: pairs by symbol, assets by id. */
export interface Instruments {
  /** Pairs by v2 symbol (`BTC/USD`); live and read-only. */
  readonly pairs: ReadonlyMap<string, Pair>
  /** Assets by v2 id (`BTC`); live and read-only. */
  readonly assets: ReadonlyMap<string, Asset>
}

const SNAPSHOT = 'snapshot'

/**
 * The `instrument` channel's pairs and assets: the snapshot replaces them,
 * an update changes or adds the pairs and assets it carries. `loaded()`
 * waits for the first snapshot.
 */
export class InstrumentState implements Instruments {
  #pairs = new Map<string, Pair>()
  #assets = new Map<string, Asset>()
  #loaded = false
  #waiters = new KeyedWaiters<typeof SNAPSHOT, Instruments>()

  /** Applies a snapshot or an update. */
  apply(value: InstrumentsSnapshotResponse | InstrumentsUpdateResponse): void {
    if (value.type === 'snapshot') {
      this.#pairs.clear()
      this.#assets.clear()
    }
    for (const pair of value.pairs) this.#pairs.set(pair.symbol, pair)
    for (const asset of value.assets) this.#assets.set(asset.id, asset)
    if (value.type === 'snapshot') {
      this.#loaded = true
      this.#waiters.resolve(SNAPSHOT, this)
    }
  }

  /** Pairs by symbol. */
  get pairs(): ReadonlyMap<string, Pair> {
    return this.#pairs
  }

  /** Assets by id. */
  get assets(): ReadonlyMap<string, Asset> {
    return this.#assets
  }

  /** Whether a snapshot arrived. */
  get isLoaded(): boolean {
    return this.#loaded
  }

  /** Resolves with this state once a snapshot arrived (at once if one did). */
  loaded(signal?: AbortSignal): Promise<Instruments> {
    if (this.#loaded) return Promise.resolve(this)
    return this.#waiters.wait(SNAPSHOT, signal)
  }

  /** Rejects every waiting `loaded()` with `error` (the client stopped). */
  stop(error: unknown): void {
    this.#waiters.rejectAll(error)
  }
}
