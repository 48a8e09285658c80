import type { Logger } from '../shared/logger.js'
import type { AckWaiters, SubscriptionMethod } from './ackWaiters.js'
import { identityParams } from './paramsKey.js'
import {
  intentId,
  localAck,
  type SubscriptionAckValue,
} from './subscriptionAcks.js'
import type {
  SubscriptionParams,
  SubscriptionRegistry,
} from './subscriptionRegistry.js'

/** The subscription state one answer updates. */
export interface AckTarget {
  readonly registry: SubscriptionRegistry
  /** The ack each live intent got, handed to later subscribers of it. */
  readonly lastAcks: Map<string, SubscriptionAckValue>
  readonly acks: AckWaiters
  readonly logger: Logger
}

/** One symbol's answer to a subscribe or unsubscribe frame. */
export interface SymbolAck {
  readonly method: SubscriptionMethod
  readonly params: SubscriptionParams
  readonly symbol: string | undefined
  readonly ack: SubscriptionAckValue
  /** Whether the frame replayed intents after a reconnect. */
  readonly replay: boolean
}

/**
 * Applies one symbol's answer: a subscribe ack moves its intent to live or
 * rejected (`Already subscribed` on a replay counts as live), then the
 * callers waiting on that intent get the ack.
 */
export function settleAck(target: AckTarget, answer: SymbolAck): void {
  const { method, params, symbol, ack, replay } = answer
  const { channel } = params
  const id = intentId(channel, symbol, identityParams(params))
  if (method === 'unsubscribe') {
    target.acks.notify(method, id, ack)
    return
  }
  const intent = target.registry.applyAck({
    params,
    symbol,
    success: ack.success !== false,
    error: ack.error,
    replay,
  })
  let delivered = ack
  if (intent?.state === 'live') {
    // `Already subscribed` on a replay: the subscription is live.
    if (ack.success === false) delivered = localAck(method, channel, symbol)
    target.lastAcks.set(id, delivered)
  } else if (intent?.state === 'rejected') {
    target.logger.log('Subscription rejected.', 'warning', {
      channel,
      symbol,
      error: ack.error,
      req_id: ack.req_id,
    })
  }
  target.acks.notify(method, id, delivered)
}
