import type {
  Response,
  ResponseFamily,
  ResponseType,
  ResponseValue,
} from '@kraken-sockets/schema'
import type { DecodeFailureError } from '../errors.js'

/** A response type or family: what `trigger()` and `stream()` take. */
export type TriggerKeyOf = ResponseType | ResponseFamily

/** What a catch-all handler (`onFrame`) receives: every response, and every frame that failed to decode. */
export type FrameItem =
  | {
      readonly kind: 'response'
      readonly type: ResponseType
      readonly value: ResponseValue<typeof Response>
    }
  | { readonly kind: 'undecoded'; readonly error: DecodeFailureError }

/** Options of `kraken.run(subscriptions, options)`. */
export interface RunOptions {
  /** Aborting it stops the client, as `stop()` does. */
  signal?: AbortSignal | undefined
}

/** Options of `kraken.stream(Key, options)`. */
export interface StreamOptions {
  /** Aborting it ends the stream. */
  signal?: AbortSignal | undefined
  /** Values held while the loop is busy; the oldest is dropped (a gap) beyond it. @default 1_000 */
  bufferSize?: number | undefined
}

export type { DeadMansSwitchOptions } from '../trading/deadMansSwitchSlot.js'
