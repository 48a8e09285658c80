import type { TransportEndpoint } from './types.js'

/**
 * Kraken's production WebSocket v2 URLs per endpoint. level3 has its own host
 * in the current docs (older copies say ws-auth), so it stays configurable.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-ws-intro
 */
export const KRAKEN_WS_URLS: Readonly<Record<TransportEndpoint, string>> =
  Object.freeze({
    public: 'wss://ws.kraken.com/v2',
    private: 'wss://ws-auth.kraken.com/v2',
    level3: 'wss://ws-l3.kraken.com/v2',
  })
