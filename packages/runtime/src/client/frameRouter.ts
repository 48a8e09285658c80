import { decodeMessage, type StatusResponse } from '@kraken-sockets/schema'
import type { BookManager } from '../books/bookManager.js'
import type {
  Connection,
  MethodResponseLike,
} from '../connections/connection.js'
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
  readonly triggers: TriggerRegistry
  readonly books: BookManager
  readonly counters: FrameCounters
  /** A `status` value arrived on `connection`. */
  readonly onStatus: (connection: Connection, value: StatusResponse) => void
  /** A frame or item failed to decode (the runtime's `error` event). */
  readonly onDecodeFailure: (error: DecodeFailureError) => void
  /**
   * Every decoded response, before triggers see it: the runtime's own state
   * (instruments, orders, sequences) is current when a handler runs.
   */
  readonly observe?: ((name: string, value: unknown) => void) | undefined
}

/**
 * Creates the function that handles each received frame: decode once, then
 * per response: the runtime's own consumers first (books applied
 * synchronously, acks correlated, status tracked), then the triggers.
 */
export function createFrameRouter(
  config: FrameRouterConfig,
): (connection: Connection, text: string) => void {
  const { triggers, books, counters, onStatus, onDecodeFailure, observe } =
    config
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
      switch (response.name) {
        case 'BookSnapshotResponse':
        case 'BookUpdateResponse':
          if (books.size > 0) books.apply('book', response.value)
          break
        case 'OrderSnapshotResponse':
        case 'OrderUpdateResponse':
          if (books.size > 0) books.apply('level3', response.value)
          break
        case 'StatusResponse':
          onStatus(connection, response.value)
          break
        default:
          if (value.method !== undefined) {
            connection.route(response.value as MethodResponseLike)
          }
      }
      observe?.(response.name, response.value)
      triggers.dispatch(response.type, response.value)
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
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch {
    return undefined
  }
  if (typeof frame !== 'object' || frame === null) return undefined
  const { method, req_id } = frame as { method?: unknown; req_id?: unknown }
  if (typeof method !== 'string' || !Number.isInteger(req_id)) return undefined
  return { method, reqId: req_id as number }
}
