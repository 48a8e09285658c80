import type { KrakenWebSocketAPI } from '@kraken-sockets/runtime'
import type { Simulator } from '@kraken-sockets/simulator'
import { exchangeOpenOrders, exchangeSubscriptions } from './observer.js'
import type { Trader } from './trader.js'

/** What the checks remember between two recovery windows. */
export type Baseline = {
  /** The exchange's subscriptions for the client once it was steady. */
  readonly subscriptions: Record<string, string[]>
  /** Live intents once it was steady. */
  readonly live: number
  /** Each book's verified count at the previous check. */
  readonly verified: Map<string, number>
}

/** The client and the exchange the invariants compare. */
export type World = {
  readonly kraken: KrakenWebSocketAPI
  readonly simulator: Simulator
  readonly trader: Trader
  readonly unhandled: readonly unknown[]
  /** `cl_ord_id`s the client reported missing. */
  readonly missing: ReadonlySet<string>
}

/** Names of the invariants that do not hold now (empty: converged). */
export async function brokenInvariants(
  world: World,
  baseline: Baseline,
): Promise<string[]> {
  const { kraken, simulator, trader } = world
  const broken: string[] = []
  const stats = kraken.stats()
  // The exchange's subscriptions equal the client's intents.
  const held = exchangeSubscriptions(simulator)
  if (JSON.stringify(held) !== JSON.stringify(baseline.subscriptions))
    broken.push(`subscriptions ${JSON.stringify(held)}`)
  // stats() agrees: every intent live, none pending or rejected.
  const { pending, live, rejected } = stats.subscriptions
  if (pending !== 0 || rejected !== 0 || live !== baseline.live)
    broken.push(`intents pending ${pending} live ${live} rejected ${rejected}`)
  for (const [endpoint, status] of Object.entries(stats.connections))
    if (status !== 'open') broken.push(`connection ${endpoint} ${status}`)
  // Every book in sync with Kraken's checksum, and still verifying updates.
  for (const book of stats.books) {
    const key = `${book.channel}:${book.symbol}`
    const before = baseline.verified.get(key) ?? 0
    if (book.state !== 'in-sync') broken.push(`book ${key} ${book.state}`)
    else if (book.verified <= before) broken.push(`book ${key} not streaming`)
  }
  // Every promise settled, with a documented type.
  for (const problem of trader.problems()) broken.push(problem)
  if (world.unhandled.length > 0)
    broken.push(`unhandled rejections ${world.unhandled.length}`)
  // Open orders equal; nothing the exchange holds reported missing.
  const truth = await exchangeOpenOrders(simulator)
  const open = new Set(truth.map((order) => order.order_id))
  const client = new Set(kraken.orders.keys())
  const onlyExchange = [...open].filter((id) => !client.has(id))
  const onlyClient = [...client].filter((id) => !open.has(id))
  if (onlyExchange.length > 0 || onlyClient.length > 0)
    broken.push(
      `orders exchange-only ${onlyExchange.length} client-only ${onlyClient.length}`,
    )
  const falseMissing = truth.filter(
    (order) =>
      order.cl_ord_id !== undefined && world.missing.has(order.cl_ord_id),
  )
  if (falseMissing.length > 0)
    broken.push(`false missing ${falseMissing.length}`)
  return broken
}

/** Remembers each book's verified count, for the next check's "still streaming". */
export function rememberVerified(
  kraken: KrakenWebSocketAPI,
  baseline: Baseline,
): void {
  for (const book of kraken.stats().books)
    baseline.verified.set(`${book.channel}:${book.symbol}`, book.verified)
}
