import { LEVEL3_RATE_PER_SECOND, subscriptionCost } from './subscriptionCost.js'

/** Limits of {@link planReplay}. */
export interface ReplayOptions {
  /**
   * Symbols per subscribe request.
   * @default 100
   */
  maxBatchSize?: number
  /**
   * Rate-counter cost one request may carry (level3: a batch must fit in one
   * second of the standard rate limit).
   * @default 200
   */
  maxBatchCost?: number
}

/** One subscribe request of a replay. */
export interface ReplayBatch {
  /** Kraken channel. */
  readonly channel: string
  /** Identity params to send besides channel and symbol. */
  readonly params: Readonly<Record<string, unknown>>
  /** Symbols of this request; empty for channels without symbols. */
  readonly symbols: readonly string[]
  /** What the request adds to Kraken's rate counter (see `subscriptionCost`). */
  readonly cost: number
}

/** The parts of an intent a replay needs. */
export interface ReplayableIntent {
  readonly channel: string
  readonly symbol: string | undefined
  readonly params: Readonly<Record<string, unknown>>
  readonly paramsKey: string
}

/**
 * Groups intents into subscribe requests by (channel, params), in first-seen
 * order, each at most `maxBatchSize` symbols and `maxBatchCost` cost.
 */
export function planReplay(
  intents: Iterable<ReplayableIntent>,
  options: ReplayOptions = {},
): ReplayBatch[] {
  const maxSize = positive('maxBatchSize', options.maxBatchSize ?? 100)
  const maxCost = positive(
    'maxBatchCost',
    options.maxBatchCost ?? LEVEL3_RATE_PER_SECOND,
  )
  const groups = new Map<
    string,
    { first: ReplayableIntent; symbols: string[]; bare: boolean }
  >()
  for (const intent of intents) {
    const id = JSON.stringify([intent.channel, intent.paramsKey])
    let group = groups.get(id)
    if (group === undefined) {
      group = { first: intent, symbols: [], bare: false }
      groups.set(id, group)
    }
    if (intent.symbol === undefined) group.bare = true
    else group.symbols.push(intent.symbol)
  }

  const batches: ReplayBatch[] = []
  for (const { first, symbols, bare } of groups.values()) {
    const { channel, params } = first
    if (bare) {
      batches.push({
        channel,
        params,
        symbols: [],
        cost: subscriptionCost(channel, params, 0),
      })
    }
    const perSymbol =
      channel === 'level3' ? subscriptionCost(channel, params, 1) : 0
    if (perSymbol > maxCost) {
      throw new RangeError(
        `One ${channel} symbol costs ${perSymbol}, above maxBatchCost ${maxCost}.`,
      )
    }
    const bySize =
      perSymbol === 0
        ? maxSize
        : Math.min(maxSize, Math.floor(maxCost / perSymbol))
    for (let start = 0; start < symbols.length; start += bySize) {
      const chunk = symbols.slice(start, start + bySize)
      batches.push({
        channel,
        params,
        symbols: chunk,
        cost: subscriptionCost(channel, params, chunk.length),
      })
    }
  }
  return batches
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}.`)
  }
  return value
}
