import type { Pair } from '@kraken-sockets/schema'

/** A message of the `instrument` channel, as the schema decodes it. */
export type InstrumentsMessage = {
  readonly type: 'snapshot' | 'update'
  readonly pairs: readonly Pair[]
}

/** The `instrument` channel's pairs, kept current. */
export type InstrumentStore = {
  /** Whether a snapshot has been applied. */
  readonly isLoaded: boolean
  /** Resolves once the first snapshot is applied. */
  readonly loaded: Promise<void>
  /** Every pair by symbol, read-only and live. */
  readonly pairs: ReadonlyMap<string, Pair>
  /** The pair `symbol`, if Kraken listed it. */
  get(symbol: string): Pair | undefined
  /** Applies a snapshot (replaces every pair) or an update (changed pairs only). */
  apply(message: InstrumentsMessage): void
}

/**
 * Creates the store of the `instrument` channel's pairs (precisions,
 * increments, `qty_min`, `cost_min`, `status`) that order rounding and
 * the local guards read.
 *
 * @example
 * ```ts
 * const instruments = createInstrumentStore()
 * kraken.trigger(InstrumentsSnapshotResponse, (m) => instruments.apply(m))
 * instruments.get('BTC/USD')?.price_increment // 0.1
 * ```
 */
export function createInstrumentStore(): InstrumentStore {
  const pairs = new Map<string, Pair>()
  let isLoaded = false
  let markLoaded: () => void = () => {}
  const loaded = new Promise<void>((resolve) => {
    markLoaded = resolve
  })
  return {
    get isLoaded() {
      return isLoaded
    },
    loaded,
    pairs,
    get: (symbol) => pairs.get(symbol),
    apply(message) {
      if (message.type === 'snapshot') pairs.clear()
      for (const pair of message.pairs) {
        // Updates may be sparse: keep what an earlier message said.
        pairs.set(pair.symbol, { ...pairs.get(pair.symbol), ...pair })
      }
      if (message.type === 'snapshot' && !isLoaded) {
        isLoaded = true
        markLoaded()
      }
    },
  }
}
