import { BalancesUnsubscribeRequest } from './channels/balances.js'
import { BookUnsubscribeRequest } from './channels/book.js'
import { ExecutionUnsubscribeRequest } from './channels/executions.js'
import { InstrumentsUnsubscribeRequest } from './channels/instrument.js'
import { OrdersUnsubscribeRequest } from './channels/level3.js'
import { OHLCUnsubscribeRequest } from './channels/ohlc.js'
import { TickerUnsubscribeRequest } from './channels/ticker.js'
import { TradesUnsubscribeRequest } from './channels/trade.js'
import type {
  SubscriptionRequest,
  UnsubscribeRequest,
} from './requestMessage.js'

/**
 * The `unsubscribe` request that undoes a subscription: same channel and
 * symbols, plus the parameters Kraken uses to tell subscriptions apart
 * (`depth`, `interval`, `event_trigger`) when the subscription set them.
 *
 * @example
 * ```ts
 * import { BookSubscriptionRequest, unsubscribeRequestFor } from '@kraken-sockets/schema'
 *
 * unsubscribeRequestFor(BookSubscriptionRequest(['BTC/USD'], { depth: 25 }))
 * // { method: 'unsubscribe', params: { channel: 'book', symbol: ['BTC/USD'], depth: 25 } }
 * ```
 */
export function unsubscribeRequestFor(
  request: SubscriptionRequest,
): UnsubscribeRequest {
  const { params } = request
  switch (params.channel) {
    case 'ticker': {
      const { event_trigger } = params
      return TickerUnsubscribeRequest(
        params.symbol,
        event_trigger === undefined ? {} : { event_trigger },
      )
    }
    case 'book': {
      const { depth } = params
      return BookUnsubscribeRequest(
        params.symbol,
        depth === undefined ? {} : { depth },
      )
    }
    case 'level3': {
      const { depth } = params
      return OrdersUnsubscribeRequest(
        params.symbol,
        depth === undefined ? {} : { depth },
      )
    }
    case 'ohlc':
      return OHLCUnsubscribeRequest(params.symbol, {
        interval: params.interval,
      })
    case 'trade':
      return TradesUnsubscribeRequest(params.symbol)
    case 'instrument':
      return InstrumentsUnsubscribeRequest()
    case 'executions':
      return ExecutionUnsubscribeRequest()
    case 'balances':
      return BalancesUnsubscribeRequest()
    default:
      return params satisfies never
  }
}
