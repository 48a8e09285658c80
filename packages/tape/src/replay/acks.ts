/** A tape time as Kraken writes `time_in` (µs digits). */
export function krakenTime(tapeTime: string): string {
  return `${tapeTime.slice(0, 26)}Z`
}

/** Params of a subscription request, as the bot sent them. */
export type RequestParams = Record<string, unknown>

/** A successful subscribe/unsubscribe ack for one symbol of a request. */
export function successAck(
  method: string,
  reqId: unknown,
  params: RequestParams,
  symbol: string | undefined,
  time: string,
): string {
  const { symbol: _symbols, token: _token, req_id: _reqId, ...rest } = params
  const result = symbol === undefined ? rest : { ...rest, symbol }
  const at = krakenTime(time)
  return JSON.stringify({
    method,
    ...(reqId === undefined ? {} : { req_id: reqId }),
    result,
    success: true,
    time_in: at,
    time_out: at,
  })
}

/** A failure ack, as Kraken sends one (`symbol` at the top level). */
export function failureAck(
  method: string,
  reqId: unknown,
  error: string,
  symbol: string | undefined,
  time: string,
): string {
  const at = krakenTime(time)
  return JSON.stringify({
    error,
    method,
    ...(reqId === undefined ? {} : { req_id: reqId }),
    success: false,
    ...(symbol === undefined ? {} : { symbol }),
    time_in: at,
    time_out: at,
  })
}

/** A pong to a ping, stamped with the tape's time. */
export function pong(reqId: unknown, time: string): string {
  const at = krakenTime(time)
  return JSON.stringify({
    method: 'pong',
    ...(reqId === undefined ? {} : { req_id: reqId }),
    time_in: at,
    time_out: at,
  })
}

/**
 * The tape's own ack, answering the client's request: Kraken's text (its
 * result, times and options) with the client's `req_id`, so a replay makes
 * the handler calls the recorded session made.
 */
export function withRequestId(recorded: string, reqId: unknown): string {
  const ack = JSON.parse(recorded) as Record<string, unknown>
  if (reqId === undefined) delete ack.req_id
  else ack.req_id = reqId
  return JSON.stringify(ack)
}
