import { describe, expect, test } from 'vitest'
import { createClockOffsetEstimator } from './clockOffset.js'
import { formatKrakenTime, parseKrakenTime } from './krakenTime.js'

describe('krakenTime', () => {
  test('default', () => {
    expect(parseKrakenTime('2023-09-24T14:10:23.799685Z')).toBeCloseTo(
      Date.UTC(2023, 8, 24, 14, 10, 23) + 799.685,
      6,
    )
    expect(formatKrakenTime(Date.UTC(2024, 6, 21, 9, 53, 59, 50))).toBe(
      '2024-07-21T09:53:59.050Z',
    )
    expect(formatKrakenTime(Date.UTC(2024, 6, 21, 9, 53, 59, 950), 's')).toBe(
      '2024-07-21T09:53:59Z',
    )
  })

  test('behavior: lenient with 7 digits and no zone, and with offsets', () => {
    expect(parseKrakenTime('2022-06-13T08:09:10.7890123')).toBeCloseTo(
      Date.UTC(2022, 5, 13, 8, 9, 10) + 789.0123,
      6,
    )
    expect(parseKrakenTime('2023-09-21T15:49:29Z')).toBe(
      Date.UTC(2023, 8, 21, 15, 49, 29),
    )
    expect(parseKrakenTime('2023-09-21T17:49:29+02:00')).toBe(
      Date.UTC(2023, 8, 21, 15, 49, 29),
    )
    expect(parseKrakenTime('yesterday')).toBeUndefined()
  })
})

describe('createClockOffsetEstimator', () => {
  const t0 = Date.UTC(2024, 0, 1)
  const iso = (ms: number) => new Date(ms).toISOString()

  test('default', () => {
    let local = t0
    const clock = createClockOffsetEstimator({ now: () => local })
    expect(clock.offset).toBe(0)
    // Kraken is 250 ms ahead; 40 ms each way, 2 ms of processing.
    expect(
      clock.addSample({
        sentAt: t0,
        receivedAt: t0 + 82,
        time_in: iso(t0 + 290),
        time_out: iso(t0 + 292),
      }),
    ).toBe(true)
    expect(clock.offset).toBe(250)
    expect(clock.rtt).toBe(80)
    local = t0 + 1_000
    expect(clock.now()).toBe(t0 + 1_250)
    expect(clock.deadline(2_000)).toEqual({ ok: true, value: iso(t0 + 3_250) })
  })

  test('behavior: keeps the lowest-RTT sample of the window', () => {
    const clock = createClockOffsetEstimator({ window: 2, now: () => t0 })
    // asymmetric slow sample: misleading offset, large RTT
    clock.addSample({
      sentAt: t0,
      receivedAt: t0 + 400,
      time_in: iso(t0 + 390),
      time_out: iso(t0 + 390),
    })
    clock.addSample({
      sentAt: t0,
      receivedAt: t0 + 20,
      time_in: iso(t0 + 110),
      time_out: iso(t0 + 110),
    })
    expect(clock.offset).toBe(100)
    expect(clock.rtt).toBe(20)
    clock.addSample({
      sentAt: t0,
      receivedAt: t0 + 60,
      time_in: iso(t0 + 130),
      time_out: iso(t0 + 130),
    })
    clock.addSample({
      sentAt: t0,
      receivedAt: t0 + 50,
      time_in: iso(t0 + 125),
      time_out: iso(t0 + 125),
    })
    // the 20 ms sample left the window of 2
    expect(clock.rtt).toBe(50)
    expect(clock.offset).toBe(100)
  })

  test('behavior: expire_time and effective_time are in Kraken clock, to the second', () => {
    const clock = createClockOffsetEstimator({ now: () => t0 })
    clock.addSample({
      sentAt: t0,
      receivedAt: t0,
      time_in: iso(t0 + 1_500),
      time_out: iso(t0 + 1_500),
    })
    expect(clock.expireTime(t0 + 3_600_000)).toEqual({
      ok: true,
      value: '2024-01-01T01:00:01Z',
    })
    expect(clock.effectiveTime(new Date(t0 + 60_000))).toEqual({
      ok: true,
      value: '2024-01-01T00:01:01Z',
    })
  })

  test('error: refuses bad samples and out-of-range times', () => {
    const clock = createClockOffsetEstimator({ now: () => t0 })
    expect(
      clock.addSample({
        sentAt: t0,
        receivedAt: t0 + 1,
        time_in: 'x',
        time_out: iso(t0),
      }),
    ).toBe(false)
    expect(
      clock.addSample({
        sentAt: t0,
        receivedAt: t0 + 1,
        time_in: iso(t0),
        time_out: iso(t0 + 50),
      }),
    ).toBe(false)
    expect(clock.rtt).toBeUndefined()
    expect(clock.deadline(100)).toEqual({
      ok: false,
      reason: 'deadline must be 500 ms to 60 s ahead, got 100 ms',
    })
    expect(clock.deadline(60_001)).toMatchObject({ ok: false })
    expect(clock.expireTime(t0 - 1)).toEqual({
      ok: false,
      reason: 'expire_time must be in the future',
    })
    expect(clock.expireTime(t0 + 40 * 86_400_000)).toEqual({
      ok: false,
      reason: 'expire_time is more than one month ahead',
    })
  })

  test('behavior: addMeasurement takes a pong Latency (offset, rtt) and keeps the lowest-RTT one', () => {
    const clock = createClockOffsetEstimator({ now: () => 0 })
    expect(clock.addMeasurement({ offset: 250, rtt: 40 })).toBe(true)
    expect(clock.addMeasurement({ offset: 900, rtt: 400 })).toBe(true)
    expect(clock.addMeasurement({ offset: 1, rtt: -1 })).toBe(false)
    expect(clock.offset).toBe(250)
    expect(clock.rtt).toBe(40)
  })
})
