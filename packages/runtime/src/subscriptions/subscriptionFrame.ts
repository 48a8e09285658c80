import { type RequestMessage, stringifyRequest } from '@kraken-sockets/schema'
import type {
  Connection,
  MethodResponseLike,
  PendingRequest,
} from '../connections/connection.js'
import type { KrakenSocketsError } from '../errors.js'
import type { Logger } from '../shared/logger.js'
import type { AckWaiters, SubscriptionMethod } from './ackWaiters.js'
import { identityParams } from './paramsKey.js'
import {
  ackSymbol,
  describeError,
  intentId,
  isInvalidSession,
  localAck,
  type SubscriptionAckValue,
  withSymbols,
} from './subscriptionAcks.js'
import type { SubscriptionParams } from './subscriptionRegistry.js'

/** Options of one subscribe or unsubscribe frame. */
export interface SendOptions {
  /** Whether the frame replays intents after a reconnect. */
  readonly replay: boolean
  /** Whether this is the retry after `ESession:Invalid session`. */
  readonly retried: boolean
  /** The connection number the frame is meant for. */
  readonly generation: number
  /** Receives every per-symbol answer once all arrived. */
  readonly onDone?: ((acks: SubscriptionAckValue[]) => void) | undefined
  /** The request could not complete (socket lost, timeout, no token). */
  readonly onFail?: ((reason: string) => void) | undefined
}

/** What sending a frame needs from the subscription manager. */
export interface FrameContext {
  readonly logger: Logger
  readonly acks: AckWaiters
  readonly reportError: (error: KrakenSocketsError) => void
  /** Schedules a retry of the intents of `channel`'s socket left pending. */
  readonly retry: (channel: string) => void
  /** Records one symbol's answer (registry, waiters). */
  settle(
    method: SubscriptionMethod,
    params: SubscriptionParams,
    symbol: string | undefined,
    ack: SubscriptionAckValue,
    replay: boolean,
  ): void
}

/**
 * Sends one subscribe or unsubscribe frame (with the connection's token on
 * private and level3 sockets) and correlates its answers: by `req_id` and
 * method, then per symbol (`result.symbol`, or the top-level `symbol` of a
 * failure; a failure naming no symbol of ours settles them all). After
 * `ESession:Invalid session` it fetches a new token and retries once. Never
 * rejects.
 */
export async function sendSubscriptionFrame(
  context: FrameContext,
  connection: Connection,
  method: SubscriptionMethod,
  params: SubscriptionParams,
  options: SendOptions,
): Promise<void> {
  const needsToken = connection.endpoint !== 'public'
  const { channel } = params
  const identity = identityParams(params)
  const remaining = new Set<string | undefined>(
    params.symbol === undefined ? [undefined] : params.symbol,
  )
  const acks: SubscriptionAckValue[] = []
  const settle = (symbol: string | undefined, ack: SubscriptionAckValue) => {
    remaining.delete(symbol)
    acks.push(ack)
    context.settle(method, params, symbol, ack, options.replay)
  }
  const fail = (reason: string) => {
    for (const symbol of [...remaining]) {
      settle(symbol, localAck(method, channel, symbol, reason))
    }
    options.onFail?.(reason)
  }
  let token: string | undefined
  if (needsToken) {
    try {
      token = await connection.token()
    } catch (error) {
      context.reportError(error as KrakenSocketsError)
      return fail(describeError(error))
    }
  }
  if (!connection.isOpen || connection.generation !== options.generation) {
    // The socket changed meanwhile; its open event replays the intents.
    return options.onFail?.('The socket was lost.')
  }
  let cancelTimer = () => {}
  let reqId = 0
  const finish = () => cancelTimer()
  const pending: PendingRequest = {
    method,
    answer: (response: MethodResponseLike) => {
      const ack = response as SubscriptionAckValue
      if (
        ack.success === false &&
        needsToken &&
        !options.retried &&
        isInvalidSession(ack.error)
      ) {
        finish()
        connection.invalidateToken()
        context.logger.log(
          'Session invalid: retrying with a new token.',
          'warning',
          { endpoint: connection.endpoint, channel, req_id: reqId },
        )
        void sendSubscriptionFrame(
          context,
          connection,
          method,
          withSymbols(params, [...remaining]),
          { ...options, retried: true },
        )
        return true
      }
      const symbol = ackSymbol(ack)
      if (remaining.has(symbol)) settle(symbol, ack)
      else if (ack.success === false) {
        // No symbol of ours: the whole request failed.
        for (const each of [...remaining]) settle(each, ack)
      } else return false
      if (remaining.size > 0) return false
      finish()
      options.onDone?.(acks)
      return true
    },
    abandon: () => {
      finish()
      // An unsubscribe's socket is gone, and with it the subscription.
      if (method === 'unsubscribe') {
        for (const symbol of [...remaining]) {
          settle(symbol, localAck(method, channel, symbol))
        }
      }
      options.onFail?.('The socket was lost.')
    },
  }
  const frame = { method, params: withSymbols(params, [...remaining]) }
  try {
    reqId = connection.send(
      (id) =>
        stringifyRequest(frame as RequestMessage, {
          req_id: id,
          ...(token === undefined ? {} : { token }),
        }),
      pending,
    )
  } catch (error) {
    // Not open after all (the replay covers subscribes), or unwritable.
    if (method === 'unsubscribe' || !connection.isOpen) {
      return options.onFail?.(describeError(error))
    }
    return fail(describeError(error))
  }
  context.logger.log(`Sent ${method}.`, 'debug', {
    endpoint: connection.endpoint,
    channel,
    symbol: params.symbol,
    req_id: reqId,
    replay: options.replay,
  })
  cancelTimer = context.acks.timer(() => {
    // Not rejected: a later replay may still succeed.
    for (const symbol of [...remaining]) {
      if (method === 'unsubscribe') remaining.delete(symbol)
      context.acks.notify(
        method,
        intentId(channel, symbol, identity),
        localAck(method, channel, symbol, context.acks.timeoutText),
      )
    }
    options.onFail?.(context.acks.timeoutText)
    if (method === 'unsubscribe') return connection.forget(reqId)
    // The ack was lost or is late: resend what is still pending (a late
    // subscription answers `Already subscribed`, which makes it live), and
    // still listen a while for the late ack itself, which makes it live too.
    context.retry(channel)
    cancelTimer = context.acks.timer(
      () => connection.forget(reqId),
      LATE_ACK_TIMEOUTS * context.acks.timeoutMs,
    )
  })
}

/** How many request timeouts a late subscribe ack is still listened for. */
const LATE_ACK_TIMEOUTS = 5
