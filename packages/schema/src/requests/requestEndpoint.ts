import type { RequestMessage, SubscriptionChannel } from './requestMessage.js'

/**
 * Which socket a request needs: `public` (ws.kraken.com), `private`
 * (ws-auth.kraken.com, with the WS token) or `level3` (ws-l3.kraken.com, with
 * the WS token).
 */
export type RequestEndpoint = 'public' | 'private' | 'level3'

const CHANNEL_ENDPOINTS: Record<SubscriptionChannel, RequestEndpoint> = {
  ticker: 'public',
  book: 'public',
  trade: 'public',
  ohlc: 'public',
  instrument: 'public',
  level3: 'level3',
  executions: 'private',
  balances: 'private',
}

/**
 * The endpoint a request must be sent to. Executions, balances and every
 * trading method are private; level3 has its own endpoint; the rest is
 * public. `ping` is valid on every socket and reports `public`.
 *
 * @example
 * ```ts
 * import { BookSubscriptionRequest, requestEndpoint } from '@kraken-sockets/schema'
 *
 * requestEndpoint(BookSubscriptionRequest(['BTC/USD'])) // 'public'
 * ```
 */
export function requestEndpoint(request: RequestMessage): RequestEndpoint {
  switch (request.method) {
    case 'subscribe':
    case 'unsubscribe':
      return CHANNEL_ENDPOINTS[request.params.channel]
    case 'ping':
      return 'public'
    default:
      return 'private'
  }
}
