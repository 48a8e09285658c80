import {
  AddOrderRequest,
  AmendOrderRequest,
  CancelOrderRequest,
  type KrakenWebSocketAPI,
  type LiveBook,
} from '@kraken-sockets/runtime'
import { describeError } from './describeError.js'
import { describeOrderState, orderOutcome, orderState } from './orderWatch.js'
import type { TradingMode } from './venue.js'

/** How far below the best bid the demo buy rests, so it never fills. */
const DISCOUNT = 0.9
/** The amended price: a little lower still. */
const AMENDED_DISCOUNT = 0.89
/** The order's value in quote currency (Kraken's minimums are below it). */
const ORDER_COST = 20

/** What {@link runOrderDemo} needs. */
export interface OrderDemoOptions {
  readonly kraken: Pick<
    KrakenWebSocketAPI,
    'request' | 'order' | 'onOrder' | 'deadMansSwitch'
  >
  readonly mode: Exclude<TradingMode, 'off'>
  /** The book of the traded symbol, in sync: prices come from its best bid. */
  readonly book: Pick<LiveBook, 'symbol' | 'bestBid'>
  /** Reports each step (the activity log). */
  readonly report: (line: string) => void
  /** Stops between steps once aborted. */
  readonly signal: AbortSignal
}

/**
 * Places a small post-only buy far below the market, follows it with an
 * order handle (its state from the executions feed), keeps the dead man's
 * switch armed while it is open, amends its price, then cancels it and
 * reports how it ended. On Kraken (`validate-only`) the order is only
 * validated, so there is nothing to follow. A failure is reported and ends
 * the demo; it never throws.
 */
export async function runOrderDemo(options: OrderDemoOptions): Promise<void> {
  const { kraken, book, report, signal } = options
  const bid = book.bestBid
  if (bid === undefined) {
    report('order demo skipped: the book has no bid')
    return
  }
  const decimals = decimalsOf(bid.price_text)
  const price = (bid.price * DISCOUNT).toFixed(decimals)
  const amendedPrice = (bid.price * AMENDED_DISCOUNT).toFixed(decimals)
  const qty = orderQty(bid.price)
  const symbol = book.symbol
  const describe = `buy ${qty} ${symbol} @ ${price} post-only`
  const validate = options.mode === 'validate-only'
  let step = 'add_order'
  let dms: ReturnType<typeof kraken.deadMansSwitch> | undefined
  try {
    const added = await kraken.request(
      AddOrderRequest({
        order_type: 'limit',
        side: 'buy',
        symbol,
        order_qty: qty,
        limit_price: price,
        post_only: true,
        ...(validate ? { validate: true } : {}),
      }),
    )
    if (validate) {
      report(`add_order ack: validated ${describe} (validate only)`)
      return
    }
    const orderId = added.result?.order_id
    if (orderId === undefined) {
      report('add_order ack carries no order_id: nothing to amend or cancel')
      return
    }
    report(`add_order ack: ${orderId} ${describe}`)
    const handle = kraken.order(orderId)
    // An order is open: if the bot dies now, Kraken cancels it within 60 s.
    step = 'deadMansSwitch'
    dms = kraken.deadMansSwitch({ timeout: 60, every: 20 })
    report("dead man's switch armed: 60 s")
    step = 'order state'
    const state = await orderState(kraken, handle, signal)
    report(`order ${orderId}: ${describeOrderState(state)}`)
    if (signal.aborted) return
    step = 'amend_order'
    const amended = await kraken.request(
      AmendOrderRequest({
        order_id: orderId,
        order_qty: qty,
        limit_price: amendedPrice,
      }),
    )
    report(
      `amend_order ack: ${amended.result?.order_id ?? orderId} now @ ${amendedPrice}`,
    )
    if (signal.aborted) return
    step = 'cancel_order'
    const cancelled = await kraken.request(
      CancelOrderRequest({ order_id: [orderId] }),
    )
    report(
      `cancel_order ack: ${cancelled.result?.order_id ?? orderId} cancelled`,
    )
    const outcome = await orderOutcome(handle, signal)
    report(`order ${orderId} ended: ${outcome?.status ?? 'not reported yet'}`)
  } catch (error) {
    report(`${step} unavailable: ${describeError(error)}`)
  } finally {
    // No order left open (or the bot is stopping: stop() disarms as well).
    if (dms !== undefined && dms.state !== 'stopped') {
      await dms.stop()
      report("dead man's switch disarmed")
    }
  }
}

/** About {@link ORDER_COST} worth, with two significant digits. */
function orderQty(price: number): string {
  const qty = ORDER_COST / price
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(qty)))
  return qty.toFixed(Math.min(decimals, 8))
}

function decimalsOf(text: string): number {
  const dot = text.indexOf('.')
  return dot === -1 ? 0 : text.length - dot - 1
}
