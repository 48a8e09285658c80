import type { Fees } from '../exchange/context.js'
import { feeTable } from '../exchange/feeTiers.js'
import { type JsonValue, raw } from '../json/encodeJson.js'
import { OHLC_INTERVALS } from '../market/candles.js'
import { formatUnits } from '../market/decimal.js'
import type { AssetSpec, PairSpec } from '../market/instruments.js'
import type { SymbolMarket } from '../market/symbolMarket.js'
import type { RestResponse, RestRoute } from '../server/restRouter.js'
import {
  findPair,
  type RestPairName,
  restAsset,
  restPair,
} from './restNames.js'
import {
  fail,
  INVALID_ARGUMENTS,
  ok,
  restParams,
  UNKNOWN_PAIR,
} from './restParams.js'

/** What the public REST routes read. */
export type PublicRestSource = {
  /** Each symbol's live market. */
  readonly markets: () => ReadonlyMap<string, SymbolMarket>
  readonly pairs: readonly PairSpec[]
  readonly assets: readonly AssetSpec[]
  readonly now: () => number
  /** The engine status (`SystemStatus`). */
  readonly system: () => string
  /** Taker and maker fee rates (fractions), shown in `AssetPairs`. */
  /** The exchange's fees, shown as `fees` / `fees_maker` tier tables. */
  readonly fees: Fees
}

type Resolved = { market: SymbolMarket; names: RestPairName }

/** `pair` as a list of markets, or an error answer. */
function resolvePairs(
  source: PublicRestSource,
  pairParam: string | undefined,
  required: boolean,
): Resolved[] | RestResponse {
  const markets = source.markets()
  if (pairParam === undefined || pairParam.trim() === '') {
    if (required) return fail(INVALID_ARGUMENTS)
    return [...markets.values()].map((market) => ({
      market,
      names: restPair(market.spec),
    }))
  }
  const found: Resolved[] = []
  for (const name of pairParam.split(',')) {
    const match = findPair(source.pairs, name)
    const market =
      match === undefined ? undefined : markets.get(match.spec.symbol)
    if (match === undefined || market === undefined) return fail(UNKNOWN_PAIR)
    found.push({ market, names: match.names })
  }
  return found
}

const price = (market: SymbolMarket, units: number) =>
  formatUnits(units, market.spec.price_precision)
const qty = (market: SymbolMarket, units: number) =>
  formatUnits(units, market.spec.qty_precision)
const volume = (amount: number) => amount.toFixed(8)
const seconds = (ms: number) => ms / 1000

/** RFC 1123 as Kraken's `Time` writes it: `Mon, 07 Dec 26 02:10:00 +0000`. */
function rfc1123(ms: number): string {
  const [day, date, month, year, time] = new Date(ms).toUTCString().split(' ')
  return `${day} ${date} ${month} ${year?.slice(2)} ${time} +0000`
}

function assetPairJson(source: PublicRestSource, spec: PairSpec) {
  const names = restPair(spec)
  return {
    altname: names.altname,
    wsname: names.wsname,
    aclass_base: 'currency',
    base: restAsset(spec.base).id,
    aclass_quote: 'currency',
    quote: restAsset(spec.quote).id,
    lot: 'unit',
    cost_decimals: spec.cost_precision,
    pair_decimals: spec.price_precision,
    lot_decimals: spec.qty_precision,
    lot_multiplier: 1,
    leverage_buy: spec.marginable ? [2, 3] : [],
    leverage_sell: spec.marginable ? [2, 3] : [],
    fees: feeTable(source.fees, 'taker'),
    fees_maker: feeTable(source.fees, 'maker'),
    fee_volume_currency: 'ZUSD',
    margin_call: 80,
    margin_stop: 40,
    ordermin: spec.qty_min,
    costmin: spec.cost_min,
    tick_size: spec.price_increment,
    status: spec.status ?? 'online',
    ...(spec.marginable
      ? {
          long_position_limit: spec.position_limit_long ?? 0,
          short_position_limit: spec.position_limit_short ?? 0,
        }
      : {}),
  }
}

function tickerJson(market: SymbolMarket) {
  const { bid, ask } = market.book
  const stats = market.stats
  const side = (book: typeof bid) => {
    const best = book.best ?? 0
    const size = book.qty.get(best) ?? 0
    const lots = Number(qty(market, size))
    return [
      price(market, best),
      String(Math.max(1, Math.floor(lots))),
      lots.toFixed(3),
    ]
  }
  const last = market.trades.at(-1)
  const vwap = price(
    market,
    Math.round(stats.volume === 0 ? stats.last : stats.notional / stats.volume),
  )
  return {
    a: side(ask),
    b: side(bid),
    c: [price(market, stats.last), qty(market, last?.qty ?? 0)],
    v: [volume(stats.volume), volume(stats.volume)],
    p: [vwap, vwap],
    t: [stats.trades, stats.trades],
    l: [price(market, stats.low), price(market, stats.low)],
    h: [price(market, stats.high), price(market, stats.high)],
    o: price(market, stats.open),
  }
}

function depthJson(market: SymbolMarket, count: number, now: number) {
  const side = (book: typeof market.book.bid) =>
    book.prices
      .slice(0, count)
      .map((p) => [
        price(market, p),
        qty(market, book.qty.get(p) ?? 0),
        Math.floor(now / 1000),
      ])
  return { asks: side(market.book.ask), bids: side(market.book.bid) }
}

/**
 * Kraken's public REST market data from the simulator's market: `Time`,
 * `SystemStatus`, `Assets`, `AssetPairs`, `Ticker`, `Depth`, `OHLC` and
 * `Trades`, each on `GET` and `POST`, with Kraken's names and shapes.
 *
 * @see https://docs.kraken.com/api/docs/rest-api/get-tradable-asset-pairs
 */
export function createPublicRoutes(source: PublicRestSource): RestRoute[] {
  const handlers: Record<
    string,
    (params: Map<string, string>) => RestResponse
  > = {
    Time: () => {
      const now = source.now()
      return ok({ unixtime: Math.floor(now / 1000), rfc1123: rfc1123(now) })
    },
    SystemStatus: () =>
      ok({
        status: source.system(),
        timestamp: new Date(source.now()).toISOString().replace(/\.\d+Z$/, 'Z'),
      }),
    Assets: (params) => {
      const wanted = params.get('asset')?.toUpperCase().split(',')
      const result: Record<string, Record<string, string | number>> = {}
      for (const asset of source.assets) {
        const names = restAsset(asset.id)
        if (
          wanted !== undefined &&
          !wanted.some((w) => [names.id, names.altname, asset.id].includes(w))
        )
          continue
        result[names.id] = {
          aclass: 'currency',
          altname: names.altname,
          decimals: asset.precision,
          display_decimals: asset.precision_display,
          collateral_value: Number(asset.collateral_value),
          status: asset.status,
          ...(asset.borrowable
            ? { margin_rate: Number(asset.margin_rate) }
            : {}),
        }
      }
      if (wanted !== undefined && Object.keys(result).length === 0)
        return fail('EQuery:Unknown asset')
      return ok(result)
    },
    AssetPairs: (params) => {
      const pairs = resolvePairs(source, params.get('pair'), false)
      if (!Array.isArray(pairs)) return pairs
      const info = params.get('info') ?? 'info'
      const result: Record<string, JsonValue> = {}
      for (const { market, names } of pairs) {
        const full = assetPairJson(source, market.spec)
        result[names.key] =
          info === 'fees'
            ? { fees: full.fees, fee_volume_currency: 'ZUSD' }
            : info === 'margin'
              ? { margin_call: 80, margin_stop: 40 }
              : info === 'leverage'
                ? {
                    leverage_buy: full.leverage_buy,
                    leverage_sell: full.leverage_sell,
                  }
                : full
      }
      return ok(result)
    },
    Ticker: (params) => {
      const pairs = resolvePairs(source, params.get('pair'), false)
      if (!Array.isArray(pairs)) return pairs
      return ok(
        Object.fromEntries(
          pairs.map(({ market, names }) => [names.key, tickerJson(market)]),
        ),
      )
    },
    Depth: (params) => {
      const pairs = resolvePairs(source, params.get('pair'), true)
      if (!Array.isArray(pairs)) return pairs
      const count = Number(params.get('count') ?? 100)
      if (!Number.isInteger(count) || count < 0 || count > 500)
        return fail(INVALID_ARGUMENTS)
      const now = source.now()
      return ok(
        Object.fromEntries(
          pairs.map(({ market, names }) => [
            names.key,
            depthJson(market, count === 0 ? 500 : count, now),
          ]),
        ),
      )
    },
    OHLC: (params) => {
      const pairs = resolvePairs(source, params.get('pair'), true)
      if (!Array.isArray(pairs)) return pairs
      const [first] = pairs
      const interval = Number(params.get('interval') ?? 1)
      const since = Number(params.get('since') ?? 0)
      const series = first?.market.candles.get(interval)
      if (
        first === undefined ||
        series === undefined ||
        !(OHLC_INTERVALS as readonly number[]).includes(interval) ||
        !Number.isFinite(since)
      )
        return fail(INVALID_ARGUMENTS)
      const { market } = first
      const candles = [...series.closed, series.open]
        .filter((c) => c.begin / 1000 > since || since === 0)
        .map((c) => [
          c.begin / 1000,
          price(market, c.open),
          price(market, c.high),
          price(market, c.low),
          price(market, c.close),
          price(
            market,
            Math.round(c.volume === 0 ? c.close : c.notional / c.volume),
          ),
          volume(c.volume),
          c.trades,
        ])
      const lastClosed = series.closed.at(-1)
      return ok({
        [first.names.key]: candles,
        last: lastClosed === undefined ? 0 : lastClosed.begin / 1000,
      })
    },
    Trades: (params) => {
      const pairs = resolvePairs(source, params.get('pair'), true)
      if (!Array.isArray(pairs)) return pairs
      const [first] = pairs
      if (first === undefined) return fail(INVALID_ARGUMENTS)
      const count = Number(params.get('count') ?? 1000)
      const sinceText = params.get('since')
      // `since` is a nanosecond timestamp as text (Kraken's `last`).
      const sinceNs =
        sinceText === undefined || !/^\d+$/.test(sinceText)
          ? 0n
          : BigInt(sinceText)
      const { market } = first
      const trades = market.trades
        .filter((t) => BigInt(t.time) * 1_000_000n > sinceNs)
        .slice(-Math.max(1, Math.min(count, 1000)))
      const last = trades.at(-1)
      return ok({
        [first.names.key]: trades.map((t) => [
          price(market, t.price),
          qty(market, t.qty),
          raw(seconds(t.time).toFixed(4)),
          t.side === 'buy' ? 'b' : 's',
          t.ordType === 'market' ? 'm' : 'l',
          '',
          t.tradeId,
        ]),
        last: String(
          last === undefined ? sinceNs : BigInt(last.time) * 1_000_000n,
        ),
      })
    },
  }
  return Object.entries(handlers).flatMap(([name, handler]) =>
    ['GET', 'POST'].map((method) => ({
      method,
      path: `/0/public/${name}`,
      handler: (request) => handler(restParams(request)),
    })),
  )
}
