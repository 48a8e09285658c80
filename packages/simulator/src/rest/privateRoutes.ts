import type { Exchange } from '../exchange/exchangeTypes.js'
import type { JsonValue } from '../json/encodeJson.js'
import type { AssetSpec, PairSpec } from '../market/instruments.js'
import type { RestResponse, RestRoute } from '../server/restRouter.js'
import type {
  HistoryOrder,
  HistoryTrade,
  OrderHistory,
} from './orderHistory.js'
import { restAsset, restPair } from './restNames.js'
import { fail, INVALID_ARGUMENTS, ok, restParams } from './restParams.js'
import { checkSignedRequest, type SignedRequestCheck } from './signedRequest.js'

/** What the private REST routes read. */
export type PrivateRestSource = SignedRequestCheck & {
  readonly exchange: Exchange
  readonly history: OrderHistory
  readonly pairs: readonly PairSpec[]
  readonly assets: readonly AssetSpec[]
  /** The exchange account of the credentials. */
  readonly accountId: string
  /** The taker fee rate, which buy holds include. */
  readonly takerFee: number
}

/** Kraken answers at most 50 closed orders or trades per page. */
const PAGE = 50

const fixed = (value: number, digits: number) => value.toFixed(digits)

function formatters(source: PrivateRestSource) {
  const specs = new Map(source.pairs.map((p) => [p.symbol, p]))
  return (symbol: string) => {
    const spec = specs.get(symbol)
    return {
      altname: spec === undefined ? symbol : restPair(spec).altname,
      key: spec === undefined ? symbol : restPair(spec).key,
      price: (v: number) => fixed(v, spec?.price_precision ?? 8),
      qty: (v: number) => fixed(v, spec?.qty_precision ?? 8),
      cost: (v: number) => fixed(v, spec?.cost_precision ?? 8),
    }
  }
}

/** An order in the shape of `QueryOrders` / `OpenOrders` / `ClosedOrders`. */
function orderJson(
  format: ReturnType<typeof formatters>,
  order: HistoryOrder,
  withTrades: boolean,
): JsonValue {
  const f = format(order.symbol)
  const limit =
    order.limit_price === undefined ? '0' : f.price(order.limit_price)
  const stop = order.stop_price === undefined ? '0' : f.price(order.stop_price)
  const shown =
    order.order_type === 'market'
      ? 'market'
      : `${order.order_type} ${order.stop_price === undefined ? limit : stop}`
  return {
    refid: null,
    userref: order.userref,
    ...(order.cl_ord_id === undefined ? {} : { cl_ord_id: order.cl_ord_id }),
    status: order.status,
    opentm: order.opentm,
    starttm: 0,
    expiretm: order.expiretm ?? 0,
    descr: {
      pair: f.altname,
      type: order.side,
      ordertype: order.order_type,
      price: order.stop_price === undefined ? limit : stop,
      price2: order.stop_price === undefined ? '0' : limit,
      leverage: 'none',
      order: `${order.side} ${f.qty(order.order_qty)} ${f.altname} @ ${shown}`,
      close: '',
    },
    vol: f.qty(order.order_qty),
    vol_exec: f.qty(order.cum_qty),
    cost: f.cost(order.cum_cost),
    fee: f.cost(order.fee),
    price: f.price(order.avg_price),
    stopprice: stop,
    limitprice: limit,
    misc: '',
    oflags: order.post_only ? 'fciq,post' : 'fciq',
    ...(withTrades && order.trades.length > 0 ? { trades: order.trades } : {}),
    ...(order.closetm === undefined ? {} : { closetm: order.closetm }),
    ...(order.reason === undefined ? {} : { reason: order.reason }),
  }
}

function tradeJson(
  format: ReturnType<typeof formatters>,
  trade: HistoryTrade,
): JsonValue {
  const f = format(trade.symbol)
  return {
    ordertxid: trade.ordertxid,
    postxid: trade.ordertxid,
    pair: f.key,
    time: trade.time,
    type: trade.side,
    ordertype: trade.order_type,
    price: f.price(trade.price),
    cost: f.cost(trade.cost),
    fee: f.cost(trade.fee),
    vol: f.qty(trade.qty),
    margin: f.cost(0),
    leverage: '0',
    misc: '',
    trade_id: trade.trade_id,
    maker: trade.maker,
  }
}

const isOpen = (order: HistoryOrder) =>
  order.status === 'open' || order.status === 'pending'

/** Orders filtered by Kraken's `userref` and `cl_ord_id` parameters. */
function matching(
  params: Map<string, string>,
  orders: readonly HistoryOrder[],
): HistoryOrder[] | undefined {
  const userref = params.get('userref')
  const clOrdId = params.get('cl_ord_id')
  if (userref !== undefined && !/^-?\d+$/.test(userref)) return undefined
  return orders.filter(
    (order) =>
      (userref === undefined || order.userref === Number(userref)) &&
      (clOrdId === undefined || order.cl_ord_id === clOrdId),
  )
}

/** `start` / `end`: a time in seconds, or an order (or trade) id. */
function bound(
  text: string | undefined,
  timeOf: (id: string) => number | undefined,
): number | undefined | null {
  if (text === undefined) return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text)
  return timeOf(text) ?? null
}

function page<T>(
  items: readonly T[],
  params: Map<string, string>,
): T[] | undefined {
  const offset = Number(params.get('ofs') ?? 0)
  if (!Number.isInteger(offset) || offset < 0) return undefined
  return items.slice(offset, offset + PAGE)
}

const truthy = (text: string | undefined) => text === 'true' || text === '1'

/**
 * Kraken's private REST endpoints paper trading needs, signed like
 * `GetWebSocketsToken`: `Balance`, `BalanceEx`, `OpenOrders`, `ClosedOrders`,
 * `QueryOrders` (by `txid`, filtered by `userref`) and `TradesHistory`,
 * from the simulator's exchange and its order history.
 *
 * @see https://docs.kraken.com/api/docs/rest-api/get-open-orders
 */
export function createPrivateRoutes(source: PrivateRestSource): RestRoute[] {
  const format = formatters(source)
  const account = source.accountId
  const decimals = new Map(source.assets.map((a) => [a.id, a.precision]))
  const handlers: Record<
    string,
    (params: Map<string, string>) => RestResponse
  > = {
    Balance: () =>
      ok(
        Object.fromEntries(
          source.exchange
            .balancesSnapshot(account)
            .map((entry) => [
              restAsset(entry.asset).id,
              fixed(entry.balance, decimals.get(entry.asset) ?? 8),
            ]),
        ),
      ),
    BalanceEx: () => {
      // What open orders reserve, as the engine holds it: a sell its
      // remaining base, a buy its remaining cost plus the taker fee.
      const held = new Map<string, number>()
      const specs = new Map(source.pairs.map((p) => [p.symbol, p]))
      for (const order of source.history.orders(account).filter(isOpen)) {
        const spec = specs.get(order.symbol)
        if (spec === undefined) continue
        const left = Math.max(0, order.order_qty - order.cum_qty)
        const [asset, amount] =
          order.side === 'sell'
            ? [spec.base, left]
            : [
                spec.quote,
                left * (order.limit_price ?? 0) * (1 + source.takerFee),
              ]
        held.set(asset, (held.get(asset) ?? 0) + amount)
      }
      return ok(
        Object.fromEntries(
          source.exchange.balancesSnapshot(account).map((entry) => {
            const digits = decimals.get(entry.asset) ?? 8
            return [
              restAsset(entry.asset).id,
              {
                balance: fixed(entry.balance, digits),
                hold_trade: fixed(held.get(entry.asset) ?? 0, digits),
              },
            ]
          }),
        ),
      )
    },
    OpenOrders: (params) => {
      const orders = matching(
        params,
        source.history.orders(account).filter(isOpen),
      )
      if (orders === undefined) return fail(INVALID_ARGUMENTS)
      const withTrades = truthy(params.get('trades'))
      return ok({
        open: Object.fromEntries(
          orders.map((o) => [o.txid, orderJson(format, o, withTrades)]),
        ),
      })
    },
    ClosedOrders: (params) => {
      const closed = matching(
        params,
        source.history.orders(account).filter((o) => !isOpen(o)),
      )
      const timeOf = (id: string) => source.history.order(account, id)?.opentm
      const start = bound(params.get('start'), timeOf)
      const end = bound(params.get('end'), timeOf)
      const closetime = params.get('closetime') ?? 'both'
      if (
        closed === undefined ||
        start === null ||
        end === null ||
        !['open', 'close', 'both'].includes(closetime)
      )
        return fail(INVALID_ARGUMENTS)
      const times = (o: HistoryOrder) =>
        closetime === 'open'
          ? [o.opentm]
          : closetime === 'close'
            ? [o.closetm ?? o.opentm]
            : [o.opentm, o.closetm ?? o.opentm]
      const inRange = closed
        .filter((o) =>
          times(o).some(
            (t) =>
              (start === undefined || t > start) &&
              (end === undefined || t <= end),
          ),
        )
        .reverse()
      const shown = page(inRange, params)
      if (shown === undefined) return fail(INVALID_ARGUMENTS)
      const withTrades = truthy(params.get('trades'))
      return ok({
        closed: Object.fromEntries(
          shown.map((o) => [o.txid, orderJson(format, o, withTrades)]),
        ),
        count: inRange.length,
      })
    },
    QueryOrders: (params) => {
      const txids = params
        .get('txid')
        ?.split(',')
        .map((t) => t.trim())
      if (txids === undefined || txids.length === 0 || txids.length > PAGE)
        return fail(INVALID_ARGUMENTS)
      const found: HistoryOrder[] = []
      for (const txid of txids) {
        const order = source.history.order(account, txid)
        if (order === undefined) return fail('EOrder:Invalid order')
        found.push(order)
      }
      const shown = matching(params, found)
      if (shown === undefined) return fail(INVALID_ARGUMENTS)
      const withTrades = truthy(params.get('trades'))
      return ok(
        Object.fromEntries(
          shown.map((o) => [o.txid, orderJson(format, o, withTrades)]),
        ),
      )
    },
    TradesHistory: (params) => {
      const timeOf = (id: string) => source.history.trade(id)?.time
      const start = bound(params.get('start'), timeOf)
      const end = bound(params.get('end'), timeOf)
      if (start === null || end === null) return fail(INVALID_ARGUMENTS)
      const trades = source.history
        .trades(account)
        .filter(
          (t) =>
            (start === undefined || t.time > start) &&
            (end === undefined || t.time <= end),
        )
        .reverse()
      const shown = page(trades, params)
      if (shown === undefined) return fail(INVALID_ARGUMENTS)
      return ok({
        trades: Object.fromEntries(
          shown.map((t) => [t.id, tradeJson(format, t)]),
        ),
        count: trades.length,
      })
    },
  }
  return Object.entries(handlers).map(([name, handler]) => ({
    method: 'POST',
    path: `/0/private/${name}`,
    handler: (request) => {
      const checked = checkSignedRequest(source, request)
      return checked === true ? handler(restParams(request)) : checked
    },
  }))
}
