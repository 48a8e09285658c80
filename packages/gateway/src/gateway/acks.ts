/** A Kraken subscribe acknowledgement frame, as the gateway returns it for each symbol. */
export interface AckFrame {
  method: 'subscribe' | 'unsubscribe'
  success: boolean
  result?: Record<string, unknown>
  error?: string
  symbol?: string
  time_in: string
  time_out: string
}

/** Builds an ack in Kraken's shape (without `req_id`: the asking client adds its own). */
export function ackFrame(
  method: 'subscribe' | 'unsubscribe',
  timeIn: string,
  outcome:
    | { success: true; result: Record<string, unknown> }
    | { success: false; error: string; symbol?: string | undefined },
): AckFrame {
  const frame: AckFrame = {
    method,
    success: outcome.success,
    time_in: timeIn,
    time_out: new Date().toISOString(),
  }
  if (outcome.success) frame.result = outcome.result
  else {
    frame.error = outcome.error
    if (outcome.symbol !== undefined) frame.symbol = outcome.symbol
  }
  return frame
}

/** An ack value the runtime resolved `subscribe()` with, back in Kraken's shape. */
export function ackFromValue(
  value: Record<string, unknown>,
  timeIn: string,
): AckFrame {
  const frame: AckFrame = {
    method: value.method === 'unsubscribe' ? 'unsubscribe' : 'subscribe',
    success: value.success === true,
    time_in: typeof value.time_in === 'string' ? value.time_in : timeIn,
    time_out:
      typeof value.time_out === 'string'
        ? value.time_out
        : new Date().toISOString(),
  }
  if (typeof value.result === 'object' && value.result !== null)
    frame.result = value.result as Record<string, unknown>
  if (typeof value.error === 'string') frame.error = value.error
  if (typeof value.symbol === 'string') frame.symbol = value.symbol
  return frame
}
