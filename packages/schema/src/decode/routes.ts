import type * as v from 'valibot'
import { BalanceSchema, LedgerEntrySchema } from '../responses/balances.js'
import { ExecutionSchema } from '../responses/executions.js'
import { CandleSchema } from '../responses/ohlc.js'
import type { ResponseType } from '../responses/responseType.js'
import * as T from '../responses/responseTypes.js'
import { TradeSchema } from '../responses/trade.js'
import type { LosslessKind } from './lossless.js'

type ByType = {
  readonly snapshot?: ResponseType
  readonly update?: ResponseType
}

/** How a channel's frames become responses. */
export type ChannelRoute =
  | { readonly shape: 'heartbeat' }
  | {
      readonly shape: 'perItem'
      readonly types: ByType
      readonly lossless?: LosslessKind
    }
  | {
      readonly shape: 'list'
      readonly types: ByType
      readonly listKey: string
      readonly itemSchema: {
        readonly snapshot: v.GenericSchema
        readonly update: v.GenericSchema
      }
      /** Envelope fields copied onto the value when present. */
      readonly extras: readonly string[]
    }
  | { readonly shape: 'object'; readonly types: ByType }

const same = (schema: v.GenericSchema) => ({ snapshot: schema, update: schema })

/** Every channel Kraken streams, by its `channel` value. */
export const channelRoutes: ReadonlyMap<string, ChannelRoute> = new Map<
  string,
  ChannelRoute
>([
  ['heartbeat', { shape: 'heartbeat' }],
  [
    'status',
    {
      shape: 'perItem',
      types: { update: T.StatusResponse },
      lossless: 'status',
    },
  ],
  [
    'ticker',
    {
      shape: 'perItem',
      types: {
        snapshot: T.TickerSnapshotResponse,
        update: T.TickerUpdateResponse,
      },
    },
  ],
  [
    'book',
    {
      shape: 'perItem',
      types: { snapshot: T.BookSnapshotResponse, update: T.BookUpdateResponse },
      lossless: 'book',
    },
  ],
  [
    'level3',
    {
      shape: 'perItem',
      types: {
        snapshot: T.OrderSnapshotResponse,
        update: T.OrderUpdateResponse,
      },
      lossless: 'level3',
    },
  ],
  [
    'trade',
    {
      shape: 'list',
      types: {
        snapshot: T.TradesSnapshotResponse,
        update: T.TradesUpdateResponse,
      },
      listKey: 'trades',
      itemSchema: same(TradeSchema),
      extras: [],
    },
  ],
  [
    'ohlc',
    {
      shape: 'list',
      types: { snapshot: T.OHLCSnapshotResponse, update: T.OHLCUpdateResponse },
      listKey: 'candles',
      itemSchema: same(CandleSchema),
      extras: ['timestamp'],
    },
  ],
  [
    'executions',
    {
      shape: 'list',
      types: {
        snapshot: T.ExecutionsSnapshotResponse,
        update: T.ExecutionsUpdateResponse,
      },
      listKey: 'executions',
      itemSchema: same(ExecutionSchema),
      extras: ['sequence'],
    },
  ],
  [
    'balances',
    {
      shape: 'list',
      types: {
        snapshot: T.BalancesSnapshotResponse,
        update: T.BalancesUpdateResponse,
      },
      listKey: 'balances',
      itemSchema: { snapshot: BalanceSchema, update: LedgerEntrySchema },
      extras: ['sequence'],
    },
  ],
  [
    'instrument',
    {
      shape: 'object',
      types: {
        snapshot: T.InstrumentsSnapshotResponse,
        update: T.InstrumentsUpdateResponse,
      },
    },
  ],
])

/** Every method response, by its `method` value (`pong` answers `ping`). */
export const methodRoutes: ReadonlyMap<string, ResponseType> = new Map<
  string,
  ResponseType
>([
  ['pong', T.PingResponse],
  ['ping', T.PingResponse],
  ['subscribe', T.SubscriptionResponse],
  ['unsubscribe', T.UnsubscribeResponse],
  ['add_order', T.AddOrderResponse],
  ['amend_order', T.AmendOrderResponse],
  ['edit_order', T.EditOrderResponse],
  ['cancel_order', T.CancelOrderResponse],
  ['cancel_all', T.CancelAllResponse],
  ['cancel_all_orders_after', T.CancelAllOrdersAfterResponse],
  ['batch_add', T.BatchAddResponse],
  ['batch_cancel', T.BatchCancelResponse],
])
