import type {
  KrakenWebSocketAPI,
  SubscriptionRequest,
} from '@kraken-sockets/runtime'
import { GatewayRequestError } from '../errors.js'
import { subjectChannel, symbolToken } from '../wire/subjects.js'
import { type AckFrame, ackFrame, ackFromValue } from './acks.js'

/** The public channels a gateway subscribes at Kraken on demand. */
export const DEMAND_CHANNELS: ReadonlySet<string> = new Set([
  'book',
  'ticker',
  'trade',
  'ohlc',
  'instrument',
])

/** A subscribe frame read from config or a demand request, checked. */
export interface DemandFrame {
  readonly channel: string
  readonly symbols: readonly string[] | undefined
  readonly params: Readonly<Record<string, unknown>>
}

/**
 * Reads a Kraken subscribe frame (`{"method":"subscribe","params":{...}}`,
 * as text or parsed) into a demand.
 * @throws {GatewayRequestError} when it is not a public-channel subscribe frame.
 */
export function readDemandFrame(input: unknown): DemandFrame {
  let frame = input
  if (typeof input === 'string') {
    try {
      frame = JSON.parse(input)
    } catch (cause) {
      throw new GatewayRequestError('A subscribe frame must be JSON.', {
        details: input.slice(0, 200),
        cause,
      })
    }
  }
  const record = frame as { method?: unknown; params?: unknown } | null
  if (record?.method !== 'subscribe' || typeof record.params !== 'object')
    throw new GatewayRequestError(
      'Expected a Kraken subscribe frame: {"method":"subscribe","params":{"channel":...}}.',
    )
  const params = record.params as Record<string, unknown>
  const channel = params.channel
  if (typeof channel !== 'string' || !DEMAND_CHANNELS.has(channel))
    throw new GatewayRequestError(
      `The gateway serves the public channels ${[...DEMAND_CHANNELS].join(', ')}.`,
      { details: `channel: ${String(channel)}` },
    )
  const symbol = params.symbol
  if (
    symbol !== undefined &&
    !(Array.isArray(symbol) && symbol.every((s) => typeof s === 'string'))
  )
    throw new GatewayRequestError('`params.symbol` must be a list of symbols.')
  return { channel, symbols: symbol as string[] | undefined, params }
}

/** How a gateway holds a book at Kraken: resolves once its snapshot is kept. */
export type HoldBook = (symbol: string, depth: number) => Promise<void>

/**
 * Subscribes one demand at Kraken through the runtime and answers with
 * Kraken's acks, one per symbol. Books are held with `kraken.book()` so the
 * runtime verifies and resyncs them; other channels with `subscribe()`.
 * Never rejects: a failure is an ack with `success: false`.
 */
export async function subscribeDemand(
  kraken: KrakenWebSocketAPI,
  demand: DemandFrame,
  holdBook: HoldBook,
): Promise<AckFrame[]> {
  const timeIn = new Date().toISOString()
  if (demand.channel === 'book') {
    const depth =
      typeof demand.params.depth === 'number' ? demand.params.depth : 10
    return Promise.all(
      (demand.symbols ?? []).map(async (symbol) => {
        try {
          await holdBook(symbol, depth)
          return ackFrame('subscribe', timeIn, {
            success: true,
            result: { channel: 'book', symbol, depth, snapshot: true },
          })
        } catch (error) {
          return ackFrame('subscribe', timeIn, {
            success: false,
            error: (error as Error).message,
            symbol,
          })
        }
      }),
    )
  }
  try {
    const acks = await kraken.subscribe({
      method: 'subscribe',
      params: demand.params,
    } as unknown as SubscriptionRequest)
    return acks.map((ack) =>
      ackFromValue(ack as unknown as Record<string, unknown>, timeIn),
    )
  } catch (error) {
    return [
      ackFrame('subscribe', timeIn, {
        success: false,
        error: (error as Error).message,
      }),
    ]
  }
}

/** One demand per symbol (leases are per channel and symbol). */
export function splitDemand(demand: DemandFrame): DemandFrame[] {
  if (demand.symbols === undefined) return [demand]
  return demand.symbols.map((symbol) => ({
    channel: demand.channel,
    symbols: [symbol],
    params: { ...demand.params, symbol: [symbol] },
  }))
}

/** The lease key of a one-symbol demand: `<channel>.<symbol token>`, as its subject ends. */
export function leaseKey(demand: DemandFrame): string {
  const interval =
    typeof demand.params.interval === 'number'
      ? demand.params.interval
      : undefined
  const channel = subjectChannel(demand.channel, interval)
  const symbol = demand.symbols?.[0]
  return symbol === undefined ? channel : `${channel}.${symbolToken(symbol)}`
}
