import type {
  PairStatus as SchemaPairStatus,
  SystemStatus as SchemaSystemStatus,
} from '@kraken-sockets/schema'

/** A trading engine status, as the `status` channel's `system` (schema's vocabulary). */
export type SystemStatus = SchemaSystemStatus

/** A pair's status, as the `instrument` channel's `pairs[].status` (schema's vocabulary). */
export type PairStatus = SchemaPairStatus

/**
 * A tradable pair, with the `instrument` channel's field names.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/instrument
 */
export type ExchangePair = {
  readonly symbol: string
  readonly base: string
  readonly quote: string
  readonly status?: PairStatus
  readonly qty_precision: number
  readonly qty_increment: number
  readonly qty_min: number
  readonly price_precision: number
  readonly price_increment: number
  readonly cost_precision: number
  readonly cost_min: number
}

/** An order type accepted by `add_order`. */
export type OrderType =
  | 'limit'
  | 'market'
  | 'iceberg'
  | 'stop-loss'
  | 'stop-loss-limit'
  | 'take-profit'
  | 'take-profit-limit'
  | 'trailing-stop'
  | 'trailing-stop-limit'

/** `time_in_force` as requested (executions report it upper-cased). */
export type TimeInForce = 'gtc' | 'gtd' | 'ioc' | 'fok'

/** The trigger of a triggered order, as requested. */
export type OrderTrigger = {
  readonly reference: 'index' | 'last'
  readonly price: number
  readonly price_type: 'static' | 'pct' | 'quote'
}

/** A fee, as in `fees[]` of a trade execution. */
export type Fee = { readonly asset: string; readonly qty: number }

/**
 * One execution report, with Kraken's field names; which fields appear
 * depends on `exec_type`, as on Kraken.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/executions
 */
export type ExecutionReport = {
  readonly exec_type:
    | 'pending_new'
    | 'new'
    | 'trade'
    | 'filled'
    | 'canceled'
    | 'expired'
    | 'amended'
    | 'restated'
    | 'status'
  readonly order_id: string
  readonly order_status:
    | 'pending_new'
    | 'new'
    | 'partially_filled'
    | 'filled'
    | 'canceled'
    | 'expired'
  readonly timestamp: string
  readonly cl_ord_id?: string
  readonly order_userref?: number
  readonly symbol?: string
  readonly side?: 'buy' | 'sell'
  readonly order_type?: OrderType
  readonly order_qty?: number
  readonly cash_order_qty?: number
  readonly limit_price?: number
  readonly limit_price_type?: 'static' | 'pct' | 'quote'
  readonly time_in_force?: Uppercase<TimeInForce>
  readonly expire_time?: string
  readonly post_only?: boolean
  readonly reduce_only?: boolean
  readonly stop_price?: number
  readonly triggers?: Readonly<Record<string, unknown>>
  readonly fee_ccy_pref?: 'fcib' | 'fciq'
  readonly exec_id?: string
  readonly trade_id?: number
  readonly last_qty?: number
  readonly last_price?: number
  readonly cost?: number
  readonly liquidity_ind?: 't' | 'm'
  readonly fees?: readonly Fee[]
  readonly cum_qty?: number
  readonly cum_cost?: number
  readonly avg_price?: number
  readonly fee_usd_equiv?: number
  readonly amended?: boolean
  readonly reason?: string
  readonly cancel_reason?: string
  readonly ratecounter?: number
}

/**
 * One ledger transaction of the `balances` channel's updates.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/balances
 */
export type LedgerEntry = {
  readonly ledger_id: string
  readonly ref_id: string
  readonly timestamp: string
  readonly type: 'deposit' | 'withdrawal' | 'trade'
  readonly asset: string
  readonly asset_class: 'currency'
  readonly category: 'deposit' | 'withdrawal' | 'trade'
  readonly wallet_type: 'spot'
  readonly wallet_id: 'main'
  readonly amount: number
  readonly fee: number
  readonly balance: number
}

/** One asset of the `balances` snapshot. */
export type BalanceSnapshotEntry = {
  readonly asset: string
  readonly asset_class: 'currency'
  readonly balance: number
  readonly wallets: readonly {
    readonly type: 'spot'
    readonly id: 'main'
    readonly balance: number
  }[]
}

/** Something an account's private channels must send. */
export type ExchangeEvent =
  | {
      readonly accountId: string
      readonly channel: 'executions'
      readonly symbol: string
      readonly report: ExecutionReport
    }
  | {
      readonly accountId: string
      readonly channel: 'balances'
      readonly entry: LedgerEntry
    }
