import { decodeMessage } from '@kraken-sockets/schema'
import { sniffFrame } from '@kraken-sockets/transport'
import type { Connection } from '../connections/connection.js'
import { DecodeFailureError } from '../errors.js'
import type { TriggerRegistry } from '../triggers/triggerRegistry.js'

/** Frame counters kept by the router, read by `stats()`. */
export interface FrameCounters {
  /** Frames received, decodable or not. */
  frames: number
  /** Frames (or items of frames) that failed to decode. */
  decodeErrors: number
  /** Decoded responses per channel (or method, for method responses). */
  readonly channels: Map<string, number>
}

/** What the router hands on. */
export interface FrameRouterConfig {
  /**
   * The one dispatch: the runtime's consumers (books, answers, status,
   * trading) registered on it run before the user's handlers.
   */
  readonly triggers: TriggerRegistry<Connection>
  readonly counters: FrameCounters
  /** A frame or item failed to decode (the runtime's `error` event). */
  readonly onDecodeFailure: (error: DecodeFailureError) => void
}

/**
 * Creates the function that handles each received frame: decode once, then
 * hand each response, with the socket it came on, to the one dispatch.
 */
export function createFrameRouter(
  config: FrameRouterConfig,
): (connection: Connection, text: string) => void {
  const { triggers, counters, onDecodeFailure } = config
  const { channels } = counters

  const failed = (error: DecodeFailureError) => {
    counters.decodeErrors++
    onDecodeFailure(error)
    triggers.dispatchFailure(error)
  }

  return (connection, text) => {
    counters.frames++
    const result = decodeMessage(text)
    if (!result.ok) {
      const error = new DecodeFailureError({
        raw: text,
        path: result.error.path,
        reason: result.error.message,
        cause: result.error,
      })
      failed(error)
      // An unreadable answer still answers its request: end it now.
      const answer = answeredRequest(text)
      if (answer !== undefined) {
        connection.abandonOne(answer.reqId, answer.method, error)
      }
      return
    }
    const { responses } = result
    for (let index = 0; index < responses.length; index++) {
      const response = responses[index]
      if (response === undefined) continue
      const value = response.value as {
        channel?: string
        method?: string
      }
      const channel = value.channel ?? value.method ?? response.name
      channels.set(channel, (channels.get(channel) ?? 0) + 1)
      triggers.dispatch(response.type, response.value, connection)
    }
    for (const item of result.errors) {
      failed(
        new DecodeFailureError({
          raw: text,
          path: item.path,
          reason: item.message,
        }),
      )
    }
  }
}

/**
 * The `method` and `req_id` of a method response that failed to decode, if
 * the text is JSON at all. Only undecodable frames pay for this second parse.
 */
function answeredRequest(
  text: string,
): { method: string; reqId: number } | undefined {
  const { method, req_id } = sniffFrame(text) ?? {}
  if (typeof method !== 'string' || !Number.isInteger(req_id)) return undefined
  return { method, reqId: req_id as number }
}
