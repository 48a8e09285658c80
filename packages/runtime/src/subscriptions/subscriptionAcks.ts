import {
  requestEndpoint,
  type SubscriptionRequest,
  type SubscriptionResponse,
  type UnsubscribeResponse,
} from '@kraken-sockets/schema'
import type { TransportEndpoint } from '@kraken-sockets/transport'
import type { MethodResponseLike } from '../connections/connection.js'
import { keyedIntentId, paramsKey } from './paramsKey.js'
import type { SubscriptionParams } from './subscriptionRegistry.js'

/** Kraken's acknowledgement of one symbol of a subscribe or unsubscribe. */
export type SubscriptionAckValue = SubscriptionResponse | UnsubscribeResponse

/** The endpoint whose socket carries `channel`. */
export function channelEndpoint(channel: string): TransportEndpoint {
  // requestEndpoint reads only the method and the channel.
  return requestEndpoint({
    method: 'subscribe',
    params: { channel },
  } as SubscriptionRequest)
}

/** The intent identity of a channel, symbol and params. */
export function intentId(
  channel: string,
  symbol: string | undefined,
  params: Readonly<Record<string, unknown>>,
): string {
  return keyedIntentId(channel, symbol, paramsKey(params))
}

/** The symbol an acknowledgement is about: `result.symbol`, else top-level `symbol`. */
export function ackSymbol(response: MethodResponseLike): string | undefined {
  const { result } = response
  if (result !== null && typeof result === 'object') {
    const symbol = (result as { symbol?: unknown }).symbol
    if (typeof symbol === 'string') return symbol
  }
  return response.symbol
}

/**
 * An acknowledgement the runtime settles without Kraken: a timeout, a stop,
 * an unsubscribe whose socket is already gone, a subscription already live.
 * Shaped as Kraken's, with no `time_in`/`time_out`.
 */
export function localAck<TMethod extends 'subscribe' | 'unsubscribe'>(
  method: TMethod,
  channel: string,
  symbol: string | undefined,
  failure?: string,
): TMethod extends 'subscribe' ? SubscriptionResponse : UnsubscribeResponse
export function localAck(
  method: 'subscribe' | 'unsubscribe',
  channel: string,
  symbol: string | undefined,
  failure?: string,
): SubscriptionAckValue {
  if (failure !== undefined) {
    return symbol === undefined
      ? { method, success: false, error: failure }
      : { method, success: false, error: failure, symbol }
  }
  return {
    method,
    success: true,
    result: symbol === undefined ? { channel } : { channel, symbol },
  }
}

/** Kraken's answer when the token of a private request has expired. */
export function isInvalidSession(error: string | undefined): boolean {
  return error?.includes('ESession:Invalid session') === true
}

/** `params` with `symbols` (none for channels without symbols), channel first. */
export function withSymbols(
  params: SubscriptionParams,
  symbols: readonly (string | undefined)[],
): SubscriptionParams {
  const named = symbols.filter(
    (symbol): symbol is string => symbol !== undefined,
  )
  const { channel, symbol: _replaced, ...rest } = params
  // Kraken's own key order: channel, symbol, then the other params.
  return named.length === 0
    ? { channel, ...rest }
    : { channel, symbol: named, ...rest }
}

/** One line about an error: its short message when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const short = (error as { shortMessage?: unknown }).shortMessage
    return typeof short === 'string' ? short : error.message
  }
  return String(error)
}
