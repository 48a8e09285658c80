import {
  BOOK_DEPTHS,
  type BookSubscriptionOptions,
  BookSubscriptionRequest,
  LEVEL3_DEPTHS,
  type OrdersSubscriptionOptions,
  OrdersSubscriptionRequest,
  type SubscriptionRequest,
} from '@kraken-sockets/schema'
import type { TransportEndpoint } from '@kraken-sockets/transport'

/** The channels a managed book follows. */
export type BookChannel = 'book' | 'level3'

/**
 * The depth to subscribe for a view of `depth` levels: the smallest depth
 * Kraken offers that covers it.
 * @throws {RangeError} when `depth` is not a positive integer or exceeds
 * Kraken's largest depth.
 */
export function krakenDepth(channel: 'book' | 'level3', depth: number): number {
  const offered = channel === 'book' ? BOOK_DEPTHS : LEVEL3_DEPTHS
  const covering = offered.find((each) => each >= depth)
  if (!Number.isInteger(depth) || depth < 1 || covering === undefined) {
    throw new RangeError(
      `A ${channel} depth must be an integer from 1 to ${offered.at(-1)}, got ${depth}.`,
    )
  }
  return covering
}

/** The registry key of a book: channel and symbol. */
export function bookKey(channel: string, symbol: string): string {
  return `${channel}\u0000${symbol}`
}

/** The socket a book channel lives on. */
export function endpointOf(channel: 'book' | 'level3'): TransportEndpoint {
  return channel === 'book' ? 'public' : 'level3'
}

/**
 * The subscribe (or unsubscribe) request of a book; the builders check the
 * depth (and any other param) at run time.
 */
export function bookRequest(
  channel: BookChannel,
  symbol: string,
  params: Readonly<Record<string, unknown>>,
): SubscriptionRequest {
  return channel === 'book'
    ? BookSubscriptionRequest([symbol], params as BookSubscriptionOptions)
    : OrdersSubscriptionRequest([symbol], params as OrdersSubscriptionOptions)
}
