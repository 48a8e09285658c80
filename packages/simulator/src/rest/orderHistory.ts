import type { Exchange } from '../exchange/exchangeTypes.js'
import type { ExecutionReport } from '../exchange/types.js'

/** Kraken's REST order status. */
export type RestOrderStatus =
  | 'pending'
  | 'open'
  | 'closed'
  | 'canceled'
  | 'expired'

/** One order as the history keeps it (from its execution reports). */
export type HistoryOrder = {
  readonly txid: string
  readonly accountId: string
  readonly symbol: string
  cl_ord_id?: string
  userref: number
  side: 'buy' | 'sell'
  order_type: string
  order_qty: number
  limit_price?: number
  stop_price?: number
  post_only: boolean
  /** Seconds since the epoch (Kraken's `opentm`). */
  opentm: number
  closetm?: number
  expiretm?: number
  status: RestOrderStatus
  cum_qty: number
  cum_cost: number
  fee: number
  avg_price: number
  reason?: string
  /** Trade ids (`exec_id`s) of its fills, oldest first. */
  readonly trades: string[]
}

/** One fill as the history keeps it. */
export type HistoryTrade = {
  readonly id: string
  readonly accountId: string
  readonly ordertxid: string
  readonly symbol: string
  readonly side: 'buy' | 'sell'
  readonly order_type: string
  readonly time: number
  readonly price: number
  readonly qty: number
  readonly cost: number
  readonly fee: number
  readonly trade_id: number
  readonly maker: boolean
}

/** Every order and fill of every account since start, for REST queries. */
export type OrderHistory = {
  /** The account's orders, oldest first. */
  orders(accountId: string): readonly HistoryOrder[]
  order(accountId: string, txid: string): HistoryOrder | undefined
  /** The account's fills, oldest first. */
  trades(accountId: string): readonly HistoryTrade[]
  trade(id: string): HistoryTrade | undefined
  /** Stops listening to the exchange. */
  close(): void
}

const seconds = (timestamp: string) => Date.parse(timestamp) / 1000

const STATUS: Readonly<
  Record<ExecutionReport['order_status'], RestOrderStatus>
> = {
  pending_new: 'pending',
  new: 'open',
  partially_filled: 'open',
  filled: 'closed',
  canceled: 'canceled',
  expired: 'expired',
}

/**
 * Keeps the history the exchange engine forgets (it holds open orders
 * only): it listens to the executions events, which already say everything
 * Kraken's `QueryOrders`, `ClosedOrders` and `TradesHistory` report.
 */
export function createOrderHistory(exchange: Exchange): OrderHistory {
  const byAccount = new Map<string, Map<string, HistoryOrder>>()
  const trades = new Map<string, HistoryTrade>()
  const tradesByAccount = new Map<string, HistoryTrade[]>()

  function onReport(accountId: string, symbol: string, r: ExecutionReport) {
    let orders = byAccount.get(accountId)
    if (orders === undefined) {
      orders = new Map()
      byAccount.set(accountId, orders)
    }
    let order = orders.get(r.order_id)
    if (order === undefined) {
      // The first report of an order (`pending_new`) describes it in full.
      order = {
        txid: r.order_id,
        accountId,
        symbol: r.symbol ?? symbol,
        userref: r.order_userref ?? 0,
        side: r.side ?? 'buy',
        order_type: r.order_type ?? 'limit',
        order_qty: r.order_qty ?? 0,
        post_only: r.post_only === true,
        opentm: seconds(r.timestamp),
        status: STATUS[r.order_status],
        cum_qty: 0,
        cum_cost: 0,
        fee: 0,
        avg_price: 0,
        trades: [],
        ...(r.cl_ord_id === undefined ? {} : { cl_ord_id: r.cl_ord_id }),
        ...(r.limit_price === undefined ? {} : { limit_price: r.limit_price }),
        ...(r.stop_price === undefined || r.stop_price === 0
          ? {}
          : { stop_price: r.stop_price }),
        ...(r.expire_time === undefined
          ? {}
          : { expiretm: seconds(r.expire_time) }),
      }
      orders.set(r.order_id, order)
    }
    if (r.exec_type === 'pending_new') return
    order.status = STATUS[r.order_status]
    if (r.cum_qty !== undefined) order.cum_qty = r.cum_qty
    if (r.cum_cost !== undefined) order.cum_cost = r.cum_cost
    if (r.avg_price !== undefined) order.avg_price = r.avg_price
    if (r.fee_usd_equiv !== undefined) order.fee = r.fee_usd_equiv
    if (r.exec_type === 'amended') {
      if (r.order_qty !== undefined) order.order_qty = r.order_qty
      if (r.limit_price !== undefined) order.limit_price = r.limit_price
    }
    if (r.exec_type === 'trade' && r.exec_id !== undefined) {
      const trade: HistoryTrade = {
        id: r.exec_id,
        accountId,
        ordertxid: order.txid,
        symbol: order.symbol,
        side: order.side,
        order_type: order.order_type,
        time: seconds(r.timestamp),
        price: r.last_price ?? 0,
        qty: r.last_qty ?? 0,
        cost: r.cost ?? 0,
        fee: r.fees?.reduce((sum, f) => sum + f.qty, 0) ?? 0,
        trade_id: r.trade_id ?? 0,
        maker: r.liquidity_ind === 'm',
      }
      order.trades.push(trade.id)
      trades.set(trade.id, trade)
      let list = tradesByAccount.get(accountId)
      if (list === undefined) {
        list = []
        tradesByAccount.set(accountId, list)
      }
      list.push(trade)
    }
    if (
      r.exec_type === 'filled' ||
      r.exec_type === 'canceled' ||
      r.exec_type === 'expired'
    ) {
      order.closetm = seconds(r.timestamp)
      if (r.reason !== undefined) order.reason = r.reason
    }
  }

  const stop = exchange.subscribe((event) => {
    if (event.channel === 'executions')
      onReport(event.accountId, event.symbol, event.report)
  })
  return {
    orders: (accountId) => [...(byAccount.get(accountId)?.values() ?? [])],
    order: (accountId, txid) => byAccount.get(accountId)?.get(txid),
    trades: (accountId) => tradesByAccount.get(accountId) ?? [],
    trade: (id) => trades.get(id),
    close: stop,
  }
}
