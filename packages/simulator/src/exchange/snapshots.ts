import { accountOf } from './accounts.js'
import type { EngineContext } from './context.js'
import { remainingQty } from './order.js'
import { accountOrders } from './orderLookup.js'
import { snapshotOrderReport } from './reports.js'
import { rfc3339 } from './time.js'
import type { BalanceSnapshotEntry, ExecutionReport } from './types.js'

/** One resting order as the level3 channel shows it. */
export type RestingOrder = {
  readonly order_id: string
  readonly limit_price: number
  readonly order_qty: number
  /** When the order was inserted or last amended (RFC 3339). */
  readonly timestamp: string
}

/** Read-only views of the exchange state for snapshots and feeds. */
export type ExchangeSnapshots = {
  /** `data` of an executions snapshot: open orders, then recent trades (up to 50). */
  executionsSnapshot(
    accountId: string,
    options?: { snapOrders?: boolean; snapTrades?: boolean },
  ): ExecutionReport[]
  /** `data` of a balances snapshot, assets sorted by name. */
  balancesSnapshot(accountId: string): BalanceSnapshotEntry[]
  /**
   * The simulated orders resting on `symbol`'s book, best first and in
   * queue order (for a level3 feed; untriggered orders are excluded, as
   * on Kraken).
   */
  restingOrders(symbol: string): { bids: RestingOrder[]; asks: RestingOrder[] }
}

/** Builds the snapshot views over the engine state. */
export function createSnapshots(ctx: EngineContext): ExchangeSnapshots {
  return {
    executionsSnapshot(accountId, options = {}) {
      const account = accountOf(ctx, accountId)
      const timestamp = rfc3339(ctx.now())
      const orders =
        options.snapOrders === false
          ? []
          : accountOrders(ctx, account).map((order) =>
              snapshotOrderReport(
                order,
                timestamp,
                ctx.pairs.get(order.symbol)?.price_precision ?? 8,
              ),
            )
      return options.snapTrades === true
        ? [...orders, ...account.trades]
        : orders
    },
    balancesSnapshot(accountId) {
      const account = accountOf(ctx, accountId)
      return [...account.balances.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([asset, balance]) => ({
          asset,
          asset_class: 'currency',
          balance,
          wallets: [{ type: 'spot', id: 'main', balance }],
        }))
    },
    restingOrders(symbol) {
      const bids: (RestingOrder & { price: number; at: number })[] = []
      const asks: (RestingOrder & { price: number; at: number })[] = []
      for (const order of ctx.orders.values()) {
        if (
          order.symbol !== symbol ||
          order.limit_price === undefined ||
          order.pendingTrigger !== undefined
        )
          continue
        const entry = {
          order_id: order.order_id,
          limit_price: order.limit_price,
          order_qty: remainingQty(order),
          timestamp: rfc3339(order.touchedAt),
          price: order.limit_price,
          at: order.queuedAt,
        }
        ;(order.side === 'buy' ? bids : asks).push(entry)
      }
      const strip = ({
        price: _p,
        at: _a,
        ...rest
      }: RestingOrder & { price: number; at: number }) => rest
      bids.sort((a, b) => b.price - a.price || a.at - b.at)
      asks.sort((a, b) => a.price - b.price || a.at - b.at)
      return { bids: bids.map(strip), asks: asks.map(strip) }
    },
  }
}
