import type { KrakenWebSocketAPIOptions } from '@kraken-sockets/runtime'
import { type NatsTransportOptions, natsTransport } from './natsTransport.js'

/**
 * The token a client behind a gateway hands its runtime. It is never sent to
 * Kraken, nor even over NATS: `natsTransport()` strips every `token` from
 * trading frames, and the gateway signs with its own key.
 */
const NO_TOKEN = 'behind-gateway'

/**
 * The `KrakenWebSocketAPI` options that put a client behind a gateway: the
 * `natsTransport()` and a `getToken` that needs no Kraken key, because the
 * gateway holds the key and injects its own token into every trading
 * request. Spread it into the client's options: `new
 * KrakenWebSocketAPI({ ...behindGateway({ servers }) })`.
 *
 * @throws {GatewayConfigError} when `servers` is empty.
 * @example
 * ```ts
 * const kraken = new KrakenWebSocketAPI({ ...behindGateway({ servers: 'nats://127.0.0.1:4222' }) })
 * await kraken.request(AddOrderRequest({ order_type: 'limit', side: 'buy', symbol: 'BTC/USD', order_qty: '0.01', limit_price: '50000' }))
 * ```
 */
export function behindGateway(
  options: NatsTransportOptions,
): Required<Pick<KrakenWebSocketAPIOptions, 'transport' | 'getToken'>> {
  return {
    transport: natsTransport(options),
    getToken: () => Promise.resolve(NO_TOKEN),
  }
}
