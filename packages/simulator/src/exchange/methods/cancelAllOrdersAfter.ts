import { checkMarketStatus } from '../admission.js'
import { readInt } from '../params.js'
import { invalidArguments } from '../rejection.js'
import { rfc3339Seconds } from '../time.js'
import { cancelEverything } from './cancelOrder.js'
import type { MethodHandler } from './outcome.js'

/** The `reason` of orders cancelled by the dead man's switch. */
export const DEAD_MAN_SWITCH_REASON = 'Cancel all orders after timeout'

/**
 * `cancel_all_orders_after`: the dead man's switch. Each call re-arms the
 * timer (`timeout` seconds, under 86400); `0` disarms it. When it fires,
 * every open order is cancelled and the switch disarms.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/cancel_after
 */
export const cancelAllOrdersAfter: MethodHandler = (ctx, account, params) => {
  const timeout = readInt(params, 'timeout')
  if (timeout === undefined) throw invalidArguments('timeout is required')
  if (timeout < 0 || timeout >= 86_400) throw invalidArguments('timeout')
  checkMarketStatus(ctx, undefined, 'cancel')
  if (account.deadManHandle !== undefined) {
    ctx.scheduler.clearTimeout(account.deadManHandle)
    delete account.deadManHandle
  }
  const now = ctx.now()
  if (timeout === 0)
    return [
      {
        ok: true,
        result: { currentTime: rfc3339Seconds(now), triggerTime: '0' },
      },
    ]
  account.deadManHandle = ctx.scheduler.setTimeout(() => {
    delete account.deadManHandle
    cancelEverything(ctx, account, DEAD_MAN_SWITCH_REASON)
  }, timeout * 1000)
  return [
    {
      ok: true,
      result: {
        currentTime: rfc3339Seconds(now),
        triggerTime: rfc3339Seconds(now + timeout * 1000),
      },
    },
  ]
}
