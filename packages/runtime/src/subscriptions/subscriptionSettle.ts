import { KrakenError, type KrakenSocketsError } from '../errors.js'
import type { Logger } from '../shared/logger.js'
import type { AckWaiters, SubscriptionMethod } from './ackWaiters.js'
import { identityParams } from './paramsKey.js'
import { isAlreadySubscribed, isTransientRefusal } from './refusals.js'
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
  /** Schedules a retry of the pending intents of `channel`'s socket. */
  readonly retry: (channel: string) => void
  /** Reports an intent that a replay ended rejected (the `error` event). */
  readonly reportError: (error: KrakenSocketsError) => void
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
 * rejected (`Already subscribed` counts as live), then the callers waiting
 * on that intent get the ack. On a replay (or a retry) a transient refusal
 * (rate limit, timeout, expired session) keeps the intent pending and
 * schedules a retry; a definitive one rejects it and is reported.
 */
export function settleAck(target: AckTarget, answer: SymbolAck): void {
  const { method, params, symbol, ack, replay } = answer
  const { channel } = params
  const id = intentId(channel, symbol, identityParams(params))
  if (method === 'unsubscribe') {
    target.acks.notify(method, id, ack)
    return
  }
  if (
    replay &&
    ack.success === false &&
    !isAlreadySubscribed(ack.error) &&
    isTransientRefusal(ack.error) &&
    target.registry.get(params, symbol) !== undefined
  ) {
    target.logger.log(
      'Replayed subscription refused for now: retrying.',
      'warning',
      {
        channel,
        symbol,
        error: ack.error,
        req_id: ack.req_id,
      },
    )
    target.retry(channel)
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
    // Kraken's own refusal (a local one, e.g. no token, is reported where
    // it happened).
    if (replay && ack.req_id !== undefined) {
      target.reportError(
        new KrakenError({
          method,
          error: `${ack.error ?? 'Subscription failed.'} (${channel}${symbol === undefined ? '' : ` ${symbol}`})`,
          reqId: ack.req_id,
          response: ack,
        }),
      )
    }
  }
  target.acks.notify(method, id, delivered)
}
