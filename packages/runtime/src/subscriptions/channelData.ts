import {
  BalancesSnapshotResponse,
  BalancesUpdateResponse,
  BookSnapshotResponse,
  BookUpdateResponse,
  ExecutionsSnapshotResponse,
  ExecutionsUpdateResponse,
  InstrumentsSnapshotResponse,
  InstrumentsUpdateResponse,
  OHLCSnapshotResponse,
  OHLCUpdateResponse,
  OrderSnapshotResponse,
  OrderUpdateResponse,
  type ResponseType,
  TickerSnapshotResponse,
  TickerUpdateResponse,
  TradesSnapshotResponse,
  TradesUpdateResponse,
} from '@kraken-sockets/schema'
import type { Logger } from '../shared/logger.js'
import type { AckWaiters } from './ackWaiters.js'
import {
  intentId,
  localAck,
  type SubscriptionAckValue,
} from './subscriptionAcks.js'
import type { SubscriptionRegistry } from './subscriptionRegistry.js'

/** The subscription state that data on a channel updates. */
export interface ChannelDataTarget {
  readonly registry: SubscriptionRegistry
  readonly lastAcks: Map<string, SubscriptionAckValue>
  readonly acks: AckWaiters
  readonly logger: Logger
}

/**
 * The response types that carry each channel's data. Decoded values are
 * per item (one ticker, one book side pair) or one list (trades, candles,
 * executions), so the channel comes from the type, not the value.
 */
export const DATA_CHANNELS: readonly {
  readonly channel: string
  readonly types: readonly ResponseType[]
}[] = [
  { channel: 'ticker', types: [TickerSnapshotResponse, TickerUpdateResponse] },
  { channel: 'book', types: [BookSnapshotResponse, BookUpdateResponse] },
  { channel: 'level3', types: [OrderSnapshotResponse, OrderUpdateResponse] },
  { channel: 'trade', types: [TradesSnapshotResponse, TradesUpdateResponse] },
  { channel: 'ohlc', types: [OHLCSnapshotResponse, OHLCUpdateResponse] },
  {
    channel: 'instrument',
    types: [InstrumentsSnapshotResponse, InstrumentsUpdateResponse],
  },
  {
    channel: 'executions',
    types: [ExecutionsSnapshotResponse, ExecutionsUpdateResponse],
  },
  {
    channel: 'balances',
    types: [BalancesSnapshotResponse, BalancesUpdateResponse],
  },
]

const LISTS = ['trades', 'candles'] as const

/**
 * The symbols a decoded value carries: its own `symbol` (ticker, book,
 * level3), those of its `trades` or `candles`, or `[undefined]` for
 * channels without symbols (`executions`, `balances`, `instrument`).
 */
export function symbolsOfData(value: unknown): (string | undefined)[] {
  if (typeof value !== 'object' || value === null) return [undefined]
  const own = (value as { symbol?: unknown }).symbol
  if (typeof own === 'string') return [own]
  for (const key of LISTS) {
    const list = (value as Record<string, unknown>)[key]
    if (Array.isArray(list)) return listSymbols(list)
  }
  return [undefined]
}

function listSymbols(list: readonly unknown[]): (string | undefined)[] {
  let only: string | undefined
  let many: Set<string> | undefined
  for (const item of list) {
    const symbol = (item as { symbol?: unknown } | null)?.symbol
    if (typeof symbol !== 'string') continue
    // Most lists carry one symbol: no set unless a second one shows up.
    if (only === undefined) only = symbol
    else if (symbol !== only) {
      many ??= new Set([only])
      many.add(symbol)
    }
  }
  return many === undefined ? [only] : [...many]
}

/**
 * Data for `symbols` arrived on `channel`: Kraken streams it, so every pending
 * intent of that channel and symbol is live, even if its ack was lost (or
 * is later than the request timeout). Callers still waiting for that ack
 * get a local success. Returns how many intents became live.
 */
export function liveOnData(
  target: ChannelDataTarget,
  channel: string,
  symbols: readonly (string | undefined)[],
): number {
  if (!target.registry.hasPending()) return 0
  let promoted = 0
  for (const symbol of symbols) {
    for (const intent of target.registry.promote(channel, symbol)) {
      promoted++
      const id = intentId(intent.channel, intent.symbol, intent.params)
      const ack = localAck('subscribe', intent.channel, intent.symbol)
      target.lastAcks.set(id, ack)
      target.logger.log(
        'Data arrived for a pending subscription: it is live.',
        'info',
        { channel, symbol },
      )
      target.acks.notify('subscribe', id, ack)
    }
  }
  return promoted
}
