import { INVALID_SESSION } from '../authHook.js'
import type { ChannelContext, ChannelDefinition } from '../channels/types.js'
import { takeRateLimit } from '../faults/types.js'
import type { JsonValue } from '../json/encodeJson.js'
import { PRIVATE_CHANNELS, wrongHostError } from '../server/endpoints.js'
import {
  ALREADY_SUBSCRIBED,
  EXCEEDED_MSG_RATE,
  INVALID_ARGUMENTS,
  SUBSCRIPTION_NOT_FOUND,
  UNSUPPORTED_EVENT,
} from './errors.js'
import type { MethodContext, MethodDefinition } from './types.js'

type Resolved =
  | {
      readonly ok: true
      readonly definition: ChannelDefinition
      readonly context: ChannelContext
    }
  | { readonly ok: false }

/** Finds the channel, checks the host and the token; answers the failures. */
function resolveChannel(method: MethodContext): Resolved {
  const { frame, session, simulator, fail } = method
  const channel = frame.params?.channel
  if (frame.params === undefined || typeof channel !== 'string') {
    fail(INVALID_ARGUMENTS)
    return { ok: false }
  }
  const definition = simulator.channels.get(channel)
  if (definition === undefined) {
    const kind = PRIVATE_CHANNELS.get(channel)
    fail(
      kind !== undefined && !session.serves.has(kind)
        ? wrongHostError(kind)
        : UNSUPPORTED_EVENT,
    )
    return { ok: false }
  }
  if (!session.serves.has(definition.kind)) {
    fail(wrongHostError(definition.kind))
    return { ok: false }
  }
  let account: string | undefined
  if (definition.requiresToken) {
    const token = frame.params.token
    const decision =
      typeof token === 'string'
        ? simulator.auth({
            token,
            endpoint: session.endpoint,
            connection: session.id,
            method: frame.method,
            channel,
          })
        : { ok: false as const, error: INVALID_SESSION }
    if (!decision.ok) {
      // Live: this failure also carries `channel` and `"status":"error"`.
      fail(decision.error, { channel, status: 'error' })
      return { ok: false }
    }
    account = decision.account
  }
  return { ok: true, definition, context: { simulator, session, account } }
}

const symbolField = (symbol: string | undefined): Record<string, JsonValue> =>
  symbol === undefined ? {} : { symbol }

/**
 * `subscribe`: one ack per symbol (Kraken's shape), then the snapshots.
 *
 * @see https://docs.kraken.com/api/docs/websocket-v2/book
 */
export const subscribeMethod: MethodDefinition = {
  serves: ['public', 'private', 'level3'],
  handle(method) {
    const { session, fail, reply } = method
    if (takeRateLimit(session.faults)) {
      fail(EXCEEDED_MSG_RATE)
      return
    }
    const resolved = resolveChannel(method)
    if (!resolved.ok) return
    const plan = resolved.definition.subscribe(
      method.frame.params ?? {},
      resolved.context,
    )
    if (!plan.ok) {
      fail(plan.error)
      return
    }
    const snapshots: (() => readonly string[])[] = []
    for (const item of plan.items) {
      if (!item.ok) {
        fail(item.error, symbolField(item.symbol))
        continue
      }
      if (session.subscriptions.has(item.key)) {
        fail(ALREADY_SUBSCRIBED, symbolField(item.symbol))
        continue
      }
      session.addSubscription({
        key: item.key,
        topic: item.topic,
        channel: resolved.definition.name,
        symbol: item.symbol,
        unsubscribeResult: item.unsubscribeResult,
      })
      reply(item.result)
      if (item.snapshot !== undefined && !method.simulator.isReplay)
        snapshots.push(item.snapshot)
    }
    for (const snapshot of snapshots)
      for (const frame of snapshot()) session.send(frame)
    if (plan.items.some((item) => item.ok))
      method.simulator.onSubscribed(session)
  },
}

/** `unsubscribe`: one ack per symbol, echoing the subscription's fields. */
export const unsubscribeMethod: MethodDefinition = {
  serves: ['public', 'private', 'level3'],
  handle(method) {
    const { session, fail, reply } = method
    const resolved = resolveChannel(method)
    if (!resolved.ok) return
    const plan = resolved.definition.unsubscribe(
      method.frame.params ?? {},
      resolved.context,
    )
    if (!plan.ok) {
      fail(plan.error)
      return
    }
    for (const item of plan.items) {
      const removed = session.removeSubscription(item.key)
      if (removed === undefined)
        fail(SUBSCRIPTION_NOT_FOUND, symbolField(item.symbol))
      else reply(removed.unsubscribeResult)
    }
  },
}
