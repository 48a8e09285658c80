import { ackFrames, type Responder, type SentFrame } from './fakeKraken.js'

const TIMES = {
  time_in: '2026-01-01T00:00:00.000000Z',
  time_out: '2026-01-01T00:00:00.000100Z',
}

/** The docs sample's BTC/USD pair (fixtures/kraken-v2/samples.json), with overrides. */
export function btcUsd(overrides: Record<string, unknown> = {}) {
  return {
    symbol: 'BTC/USD',
    base: 'BTC',
    quote: 'USD',
    status: 'online',
    qty_precision: 8,
    qty_increment: 1e-8,
    price_precision: 1,
    cost_precision: 5,
    marginable: true,
    has_index: true,
    cost_min: 0.5,
    tick_size: 0.1,
    price_increment: 0.1,
    qty_min: 0.0001,
    ...overrides,
  }
}

/** An `instrument` frame listing `pairs`. */
export function instrumentFrame(
  pairs: object[] = [btcUsd()],
  type: 'snapshot' | 'update' = 'snapshot',
) {
  return { channel: 'instrument', type, data: { assets: [], pairs } }
}

/** An `executions` frame. */
export function executionsFrame(
  type: 'snapshot' | 'update',
  sequence: number,
  data: object[],
) {
  return { channel: 'executions', type, data, sequence }
}

/** A successful trading ack echoing `frame`'s method and `req_id`. */
export function tradingAck(frame: SentFrame, result: unknown) {
  return {
    method: frame.method,
    req_id: frame.req_id,
    result,
    success: true,
    ...TIMES,
  }
}

/** Options of {@link tradingResponder}. */
export interface TradingResponderOptions {
  /** Pairs of the instrument snapshot. */
  pairs?: object[]
  /** Items of the executions snapshot. */
  snapshot?: () => object[]
  /** Answers trading methods; `undefined` leaves the request unanswered. */
  trade?: (frame: SentFrame) => object[] | undefined
}

/**
 * A fake-Kraken responder for trading: subscribes are acknowledged and
 * followed by the instrument and executions snapshots, as Kraken sends them.
 */
export function tradingResponder(
  options: TradingResponderOptions = {},
): Responder {
  let sequence = 0
  return (frame) => {
    const channel = frame.params?.channel
    if (frame.method === 'subscribe' && channel === 'instrument') {
      return [...ackFrames(frame), instrumentFrame(options.pairs)]
    }
    if (frame.method === 'subscribe' && channel === 'executions') {
      sequence = 0
      return [
        ...ackFrames(frame),
        executionsFrame('snapshot', ++sequence, options.snapshot?.() ?? []),
      ]
    }
    if (frame.method === 'subscribe' || frame.method === 'unsubscribe') {
      return undefined
    }
    return options.trade?.(frame) ?? []
  }
}
