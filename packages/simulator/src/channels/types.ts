import type { SimulatorContext } from '../context.js'
import type { Params } from '../exchange/params.js'
import type { JsonValue } from '../json/encodeJson.js'
import type { EndpointKind } from '../server/endpoints.js'
import type { SessionHandle } from '../session/types.js'

/** What a channel handler is given. */
export type ChannelContext = {
  readonly simulator: SimulatorContext
  readonly session: SessionHandle
  /** The account of the request's token (private and level3 channels). */
  readonly account: string | undefined
}

/** One symbol's (or the channel's) outcome of a subscribe request. */
export type SubscribeItem =
  | {
      readonly ok: true
      readonly key: string
      readonly topic: string
      readonly symbol?: string
      /** The ack's `result`. */
      readonly result: Readonly<Record<string, JsonValue>>
      /** The `result` of a later unsubscribe ack. */
      readonly unsubscribeResult: Readonly<Record<string, JsonValue>>
      /** Frames to send after the ack (the snapshot), if any. */
      readonly snapshot?: () => readonly string[]
    }
  | { readonly ok: false; readonly error: string; readonly symbol?: string }

/** One symbol's (or the channel's) target of an unsubscribe request. */
export type UnsubscribeItem = { readonly key: string; readonly symbol?: string }

/** A plan for a request: per-item outcomes, or one error for the whole request. */
export type ChannelPlan<TItem> =
  | { readonly ok: true; readonly items: readonly TItem[] }
  | { readonly ok: false; readonly error: string }

/**
 * A channel the simulator serves. One named `executions` or `balances`
 * replaces the built-in private channel of that name.
 */
export type ChannelDefinition = {
  readonly name: string
  /** The endpoint kind that serves it; other hosts answer Kraken's host error. */
  readonly kind: EndpointKind
  /** Whether `params.token` must pass the auth hook first. */
  readonly requiresToken: boolean
  subscribe(params: Params, context: ChannelContext): ChannelPlan<SubscribeItem>
  unsubscribe(
    params: Params,
    context: ChannelContext,
  ): ChannelPlan<UnsubscribeItem>
}
