import { formatKrakenTime, parseKrakenTime } from './krakenTime.js'

/** One request/response exchange: local send and receive times, Kraken's `time_in` and `time_out`. */
export type ClockSample = {
  /** Local time (ms since the epoch) the request was sent. */
  sentAt: number
  /** Local time (ms since the epoch) the response arrived. */
  receivedAt: number
  /** Kraken's `time_in` (RFC3339). */
  time_in: string
  /** Kraken's `time_out` (RFC3339). */
  time_out: string
}

/** Options of {@link createClockOffsetEstimator}. */
export type ClockOffsetConfig = {
  /**
   * How many recent samples are kept; the estimate is the one with the
   * lowest round trip among them.
   * @default 8
   */
  window?: number
  /**
   * The local clock (ms since the epoch).
   * @default Date.now
   */
  now?: () => number
}

/** Why a Kraken time could not be computed. */
export type KrakenTimeResult =
  | { ok: true; value: string }
  | { ok: false; reason: string }

/** Estimates Kraken's clock from request round trips (ping/pong or any trading ack). */
export type ClockOffsetEstimator = {
  /** Kraken's clock minus the local clock (ms); 0 until a sample is added. */
  readonly offset: number
  /** Round trip (ms) of the sample the estimate comes from; undefined before any. */
  readonly rtt: number | undefined
  /** Adds a sample; returns false (and ignores it) when its timestamps do not parse or its RTT is negative. */
  addSample(sample: ClockSample): boolean
  /**
   * Adds an offset and round trip measured elsewhere (the transport's pong
   * `Latency`); returns false (and ignores it) when either is not finite or
   * the round trip is negative.
   */
  addMeasurement(measurement: { offset: number; rtt: number }): boolean
  /** Kraken's clock now (ms since the epoch). */
  now(): number
  /**
   * A `deadline` `ms` from now in Kraken's clock, to the millisecond. Kraken
   * takes 500 ms to 60 s ahead.
   */
  deadline(ms: number): KrakenTimeResult
  /**
   * An `expire_time` (GTD) for a local instant, in Kraken's clock, to the
   * second. Kraken takes up to one month ahead.
   */
  expireTime(at: number | Date): KrakenTimeResult
  /** An `effective_time` (scheduled start) for a local instant, in Kraken's clock, to the second. */
  effectiveTime(at: number | Date): KrakenTimeResult
}

const MONTH_MS = 31 * 24 * 3600 * 1000

/**
 * Creates a clock offset estimator, NTP-style: for each exchange,
 * `offset = ((time_in − sentAt) + (time_out − receivedAt)) / 2` and
 * `rtt = (receivedAt − sentAt) − (time_out − time_in)`; the estimate is the
 * offset of the lowest-RTT sample among the last `window`, whose
 * error is at most half its RTT.
 *
 * @example
 * ```ts
 * const clock = createClockOffsetEstimator()
 * clock.addSample({ sentAt, receivedAt: Date.now(), time_in: pong.time_in, time_out: pong.time_out })
 * const deadline = clock.deadline(2_000)
 * if (deadline.ok) params.deadline = deadline.value
 * ```
 */
export function createClockOffsetEstimator(
  config: ClockOffsetConfig = {},
): ClockOffsetEstimator {
  const window = config.window ?? 8
  const localNow = config.now ?? Date.now
  const samples: { offset: number; rtt: number }[] = []
  let best: { offset: number; rtt: number } | undefined

  function toKraken(at: number | Date): number {
    return (typeof at === 'number' ? at : at.getTime()) + (best?.offset ?? 0)
  }

  function future(
    at: number | Date,
    maxAhead: number,
    field: string,
  ): KrakenTimeResult {
    const local = typeof at === 'number' ? at : at.getTime()
    if (!Number.isFinite(local))
      return { ok: false, reason: `${field} is not a valid time` }
    const ahead = local - localNow()
    if (ahead <= 0)
      return { ok: false, reason: `${field} must be in the future` }
    if (ahead > maxAhead)
      return { ok: false, reason: `${field} is more than one month ahead` }
    return { ok: true, value: formatKrakenTime(toKraken(local), 's') }
  }

  function add(measurement: { offset: number; rtt: number }): boolean {
    const { offset, rtt } = measurement
    if (!(Number.isFinite(offset) && rtt >= 0 && Number.isFinite(rtt)))
      return false
    samples.push({ offset, rtt })
    if (samples.length > window) samples.shift()
    best = samples.reduce((a, b) => (b.rtt < a.rtt ? b : a))
    return true
  }

  return {
    get offset() {
      return best?.offset ?? 0
    },
    get rtt() {
      return best?.rtt
    },
    addSample(sample) {
      const timeIn = parseKrakenTime(sample.time_in)
      const timeOut = parseKrakenTime(sample.time_out)
      if (timeIn === undefined || timeOut === undefined) return false
      const rtt = sample.receivedAt - sample.sentAt - (timeOut - timeIn)
      const offset =
        (timeIn - sample.sentAt + (timeOut - sample.receivedAt)) / 2
      return add({ offset, rtt })
    },
    addMeasurement: add,
    now: () => toKraken(localNow()),
    deadline(ms) {
      if (!(ms >= 500 && ms <= 60_000)) {
        return {
          ok: false,
          reason: `deadline must be 500 ms to 60 s ahead, got ${ms} ms`,
        }
      }
      return {
        ok: true,
        value: formatKrakenTime(toKraken(localNow() + ms), 'ms'),
      }
    },
    expireTime: (at) => future(at, MONTH_MS, 'expire_time'),
    effectiveTime: (at) =>
      future(at, Number.POSITIVE_INFINITY, 'effective_time'),
  }
}
