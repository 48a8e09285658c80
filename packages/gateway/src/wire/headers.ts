/** Header naming what a message is: `snapshot`, `update` or `reset`. */
export const KIND_HEADER = 'KS-Kind'
/** Header with the series' epoch: grows when the series restarts. */
export const EPOCH_HEADER = 'KS-Epoch'
/** Header with the message's place in its epoch: 1, 2, 3, ... (a `reset` is 0). */
export const SEQ_HEADER = 'KS-Seq'

/** What a data message is. */
export type MessageKind = 'snapshot' | 'update' | 'reset'

/** The three wire headers of a data message, read back. */
export interface WireHeaders {
  readonly kind: MessageKind
  readonly epoch: number
  readonly seq: number
}

/** Something with a `get(name)` like NATS' `MsgHdrs`. */
export interface HeaderReader {
  get(name: string): string
}

/**
 * Reads the wire headers of a message, or `undefined` when they are missing
 * or malformed (a message not published by a gateway).
 */
export function readWireHeaders(
  headers: HeaderReader | undefined,
): WireHeaders | undefined {
  if (headers === undefined) return undefined
  const kind = headers.get(KIND_HEADER)
  const epoch = Number(headers.get(EPOCH_HEADER))
  const seq = Number(headers.get(SEQ_HEADER))
  if (kind !== 'snapshot' && kind !== 'update' && kind !== 'reset')
    return undefined
  if (!Number.isSafeInteger(epoch) || !Number.isSafeInteger(seq))
    return undefined
  return { kind, epoch, seq }
}
