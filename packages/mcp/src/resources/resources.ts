import type { Desk, Operation } from '@kraken-sockets/desk'
import { UnknownResourceError } from '../errors.js'
import type { ExecutionsRecorder } from './executionsRecorder.js'

/** One resource as `resources/list` describes it. */
export interface ResourceDefinition {
  readonly uri: string
  readonly name: string
  readonly title: string
  readonly description: string
  readonly mimeType: 'application/json'
}

/** What reading a resource needs. */
export interface ResourceContext {
  readonly desk: Desk
  readonly catalogue: readonly Operation[]
  readonly executions: ExecutionsRecorder
}

const BOOK_PREFIX = 'kraken://book/'

/** The URI template of a symbol's verified book (`kraken://book/BTC/USD`). */
export const BOOK_TEMPLATE = `${BOOK_PREFIX}{base}/{quote}`

/** The fixed resources, each read through a catalogue operation or the recorder. */
const FIXED: readonly (Omit<ResourceDefinition, 'mimeType'> & {
  readonly operation?: string
})[] = [
  {
    uri: 'kraken://tickers',
    name: 'tickers',
    title: 'Latest tickers',
    description:
      'The latest ticker of every symbol the desk receives (bid, ask, last, volume, vwap, low, high, change).',
    operation: 'tickers',
  },
  {
    uri: 'kraken://orders',
    name: 'open-orders',
    title: 'Open orders',
    description:
      'The open orders of the account: order_id, cl_ord_id, symbol, side, quantities, limit price, status.',
    operation: 'orders',
  },
  {
    uri: 'kraken://executions',
    name: 'executions',
    title: 'Recent executions',
    description:
      'The last 100 execution reports (new orders, fills, cancels), oldest first.',
  },
  {
    uri: 'kraken://balances',
    name: 'balances',
    title: 'Balances',
    description: 'The latest balance of each asset of the account.',
    operation: 'balances',
  },
  {
    uri: 'kraken://alerts',
    name: 'alerts',
    title: 'Alerts',
    description: 'The last 200 alerts fired by the conditions, oldest first.',
    operation: 'alerts',
  },
  {
    uri: 'kraken://health',
    name: 'connection-health',
    title: 'Connection health',
    description:
      'The desk mode, the risk policy, each socket status, each book sync state and the subscription counts.',
    operation: 'status',
  },
]

const bookUri = (symbol: string) => `${BOOK_PREFIX}${symbol}`

/** Every resource: the fixed ones, then the verified book of each allowed symbol. */
export function listResources(desk: Desk): ResourceDefinition[] {
  return [
    ...FIXED.map(({ operation: _, ...resource }) => ({
      ...resource,
      mimeType: 'application/json' as const,
    })),
    ...desk.risk.policy.symbols.map((symbol) => ({
      uri: bookUri(symbol),
      name: `book-${symbol}`,
      title: `Verified book of ${symbol}`,
      description: `The checksum-verified order book of ${symbol}: 10 levels a side, best first, the mid, and whether it is in sync (do not trade on a book out of sync).`,
      mimeType: 'application/json' as const,
    })),
  ]
}

const run = (context: ResourceContext, name: string, input: object) => {
  const operation = context.catalogue.find((op) => op.name === name)
  if (operation === undefined) throw new UnknownResourceError(name)
  return operation.run(context.desk, input, {})
}

/**
 * Reads a resource as JSON text, through the same catalogue operation the
 * matching tool runs.
 * @throws {UnknownResourceError} for a URI this server does not serve.
 * @throws {DeskNotFoundError} for the book of a symbol the desk does not keep.
 */
export async function readResource(
  context: ResourceContext,
  uri: string,
): Promise<string> {
  if (uri.startsWith(BOOK_PREFIX)) {
    const symbol = decodeURIComponent(uri.slice(BOOK_PREFIX.length))
    return JSON.stringify(await run(context, 'book', { symbol }))
  }
  const fixed = FIXED.find((resource) => resource.uri === uri)
  if (fixed === undefined)
    throw new UnknownResourceError(`No resource ${uri} on this server.`)
  if (fixed.operation === undefined) {
    return JSON.stringify({ executions: context.executions.recent() })
  }
  return JSON.stringify(await run(context, fixed.operation, {}))
}
