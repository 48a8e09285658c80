import { TRADING_METHODS as KRAKEN_TRADING_METHODS } from '@kraken-sockets/schema'

/** What an endpoint serves: public market data, private data and trading, or level3. */
export type EndpointKind = 'public' | 'private' | 'level3'

/** One of the simulator's WebSocket endpoints. */
export type Endpoint = {
  readonly name: EndpointKind
  /** The URL path, e.g. `/v2`. */
  readonly path: string
  /** The kinds of channels and methods it answers. */
  readonly serves: ReadonlySet<EndpointKind>
}

/** Kraken's answers to a request sent to the wrong host (live, 2026). */
export const WRONG_HOST = Object.freeze({
  public:
    'Public market data subscriptions are unavailable on this endpoint. Try ws.kraken.com',
  private:
    'Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com',
})

/** The error Kraken gives when `kind` is asked of a host that does not serve it. */
export function wrongHostError(kind: EndpointKind): string {
  return kind === 'public' ? WRONG_HOST.public : WRONG_HOST.private
}

/**
 * Where level3 lives: its own host (`ws-l3`, the current docs) or the private
 * host (`ws-auth`, older docs). See SPEC §1.
 */
export type Level3Host = 'l3' | 'auth'

/** The endpoints of one simulator. */
export function createEndpoints(level3Host: Level3Host): readonly Endpoint[] {
  const endpoints: Endpoint[] = [
    { name: 'public', path: '/v2', serves: new Set(['public']) },
    {
      name: 'private',
      path: '/ws-auth/v2',
      serves: new Set(
        level3Host === 'auth' ? ['private', 'level3'] : ['private'],
      ),
    },
  ]
  if (level3Host === 'l3')
    endpoints.push({
      name: 'level3',
      path: '/ws-l3/v2',
      serves: new Set(['level3']),
    })
  return endpoints
}

/** Kraken's private channels, refused by the public host (whoever serves them). */
export const PRIVATE_CHANNELS: ReadonlyMap<string, EndpointKind> = new Map([
  ['executions', 'private'],
  ['balances', 'private'],
  ['level3', 'level3'],
])

/** Kraken's trading methods, refused by the public host (whoever serves them). */
export const TRADING_METHODS: ReadonlySet<string> = new Set(
  KRAKEN_TRADING_METHODS,
)
