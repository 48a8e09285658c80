import {
  KrakenError,
  type KrakenWebSocketAPI,
  NotSentError,
  OutcomeUnknownError,
  type TradingRequest,
} from '@kraken-sockets/runtime'

/** The methods a gateway relays to Kraken's trading socket. */
const TRADING_METHODS: ReadonlySet<string> = new Set([
  'add_order',
  'amend_order',
  'edit_order',
  'cancel_order',
  'cancel_all',
  'cancel_all_orders_after',
  'batch_add',
  'batch_cancel',
])

/**
 * Relays one trading frame (Kraken's shape, `req_id` and `token` ignored)
 * through the gateway's runtime, so every bot shares one trading socket and
 * one rate counter per API key, and answers with Kraken's ack as text
 * (without `req_id`; the asking client adds its own). Failures the runtime
 * finds before sending answer `success: false` with an `EGateway:` error
 * naming its code; an unknown outcome answers `EGateway:Outcome unknown`.
 * Never rejects.
 */
export async function relayTrading(
  kraken: KrakenWebSocketAPI,
  text: string,
): Promise<string> {
  const timeIn = new Date().toISOString()
  let method = 'unknown'
  try {
    const frame = JSON.parse(text) as { method?: unknown; params?: unknown }
    if (typeof frame.method === 'string') method = frame.method
    if (!TRADING_METHODS.has(method) || typeof frame.params !== 'object')
      return failure(method, timeIn, 'EGeneral:Invalid arguments')
    const params = { ...(frame.params as Record<string, unknown>) }
    delete params.token
    const request = { method, params } as unknown as TradingRequest
    const ack = (await kraken.request(request).catch(async (error) => {
      if (!isFirstConnect(kraken, error)) throw error
      await privateSocketSettled(kraken)
      return kraken.request(request)
    })) as unknown as Record<string, unknown>
    return JSON.stringify({
      method,
      success: true,
      result: ack.result,
      time_in: ack.time_in ?? timeIn,
      time_out: ack.time_out ?? new Date().toISOString(),
    })
  } catch (error) {
    if (error instanceof KrakenError)
      return failure(method, timeIn, error.error)
    if (error instanceof NotSentError)
      return failure(
        method,
        timeIn,
        `EGateway:${error.code}: ${error.shortMessage}`,
      )
    if (error instanceof OutcomeUnknownError)
      return failure(method, timeIn, 'EGateway:Outcome unknown')
    return failure(method, timeIn, 'EGeneral:Invalid arguments')
  }
}

/** How long a relayed request waits for the first connect of the private socket (ms). */
const FIRST_CONNECT_WAIT_MS = 10_000

/**
 * The runtime refuses (`NotSentError`, `disconnected`) a request while its
 * private socket is still `connecting`: it never waits on a connect, since a
 * trading decision may be stale by then. Right after the gateway starts,
 * the first bot's request races the socket its own trading feeds have just
 * begun opening; that request was not sent, so the relay waits for the
 * first connect to settle (bounded) and sends it once more. (The runtime's
 * advisory counter charged the refused attempt too: it errs early, never
 * late, and Kraken's streamed `ratecounter` corrects it.) A socket that is
 * `reconnecting` is not waited for: that refusal goes back to the bot.
 */
function isFirstConnect(kraken: KrakenWebSocketAPI, error: unknown): boolean {
  return (
    error instanceof NotSentError &&
    error.code === 'disconnected' &&
    kraken.stats().connections.private === 'connecting'
  )
}

async function privateSocketSettled(kraken: KrakenWebSocketAPI): Promise<void> {
  const deadline = Date.now() + FIRST_CONNECT_WAIT_MS
  while (
    kraken.stats().connections.private === 'connecting' &&
    Date.now() < deadline
  )
    await new Promise((resolve) => setTimeout(resolve, 20))
}

function failure(method: string, timeIn: string, error: string): string {
  return JSON.stringify({
    method,
    success: false,
    error,
    time_in: timeIn,
    time_out: new Date().toISOString(),
  })
}
