import type { SimulatorContext } from '../context.js'
import type { JsonValue } from '../json/encodeJson.js'
import type { EndpointKind } from '../server/endpoints.js'
import type { RequestFrame, SessionHandle } from '../session/types.js'

/** What a method handler is given. */
export type MethodContext = {
  readonly frame: RequestFrame
  readonly session: SessionHandle
  readonly simulator: SimulatorContext
  /** When the request arrived (ms), for `time_in`. */
  readonly timeIn: number
  /** The account of the token, when the method `requiresToken`. */
  readonly account: string | undefined
  /**
   * Sends a success response: `{method, req_id?, result?, success: true,
   * time_in, time_out, ...extra}`, keys sorted as Kraken writes them.
   */
  reply(result?: JsonValue, extra?: Readonly<Record<string, JsonValue>>): void
  /** Sends a failure response with Kraken's `error` string. */
  fail(error: string, extra?: Readonly<Record<string, JsonValue>>): void
  /** Sends a ready-made response object (keys sorted). */
  respond(response: JsonValue): void
}

/**
 * A method the simulator answers. One named after a trading method
 * (`serves: ['private']`, `requiresToken: true`) replaces the built-in one.
 */
export type MethodDefinition = {
  /** The endpoint kinds that answer it; elsewhere Kraken's host error answers. */
  readonly serves: readonly EndpointKind[]
  /** Whether `params.token` must pass the auth hook first. */
  readonly requiresToken?: boolean
  handle(context: MethodContext): void
}
