/**
 * The `record` option: every socket the client opens is recorded into a
 * structural `FrameRecorder` (here an in-memory one, as a user could write),
 * received frames before any handler sees them, and `stop()` closes it.
 */
import type { FrameRecorder, RecordedEvent } from '@kraken-sockets/transport'
import { describe, expect, test } from 'vitest'
import {
  ExecutionSubscriptionRequest,
  TickerSubscriptionRequest,
  TickerUpdateResponse,
} from '../index.js'
import { createFakeKraken } from '../testing/fakeKraken.js'

function memoryRecorder() {
  const events: RecordedEvent[] = []
  let connections = 0
  let closes = 0
  const recorder: FrameRecorder = {
    write: (event) => events.push(event),
    nextConnection: () => ++connections,
    get closed() {
      return closes > 0
    },
    close: async () => {
      closes++
    },
  }
  return { recorder, events, closes: () => closes }
}

const TICKER =
  '{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":64999.9,"bid_qty":1.00000000,"ask":65000.0,"ask_qty":2.0,"last":65000.0,"volume":10.0,"vwap":64000.0,"low":63000.0,"high":66000.0,"change":100.0,"change_pct":0.15,"timestamp":"2026-01-01T00:00:00.000000Z"}]}'

describe('the record option', () => {
  test('records the public and private sockets; stop() closes the recorder', async () => {
    const { recorder, events, closes } = memoryRecorder()
    const { kraken, receive, tokens } = createFakeKraken({ record: recorder })
    const seenBeforeHandler: number[] = []
    kraken.trigger(TickerUpdateResponse, () => {
      seenBeforeHandler.push(
        events.filter((e) => e.kind === 'in' && e.text === TICKER).length,
      )
    })
    const running = kraken.run([
      TickerSubscriptionRequest(['BTC/USD']),
      ExecutionSubscriptionRequest(),
    ])
    await new Promise((resolve) => setTimeout(resolve, 50))
    receive('public', TICKER)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await kraken.stop()
    await running

    expect(closes()).toBe(1)
    const opens = events.filter((e) => e.kind === 'open')
    expect(opens.map((e) => e.kind === 'open' && e.endpoint).sort()).toEqual([
      'private',
      'public',
    ])
    // The exact text, recorded before the handler ran.
    expect(seenBeforeHandler).toEqual([1])
    // Sent frames go to the recorder as sent: redacting is its job.
    const sent = events.filter((e) => e.kind === 'out')
    expect(sent.some((e) => e.text.includes(tokens[0] ?? '?'))).toBe(true)
    // Every connection ends on the record.
    expect(events.filter((e) => e.kind === 'close')).toHaveLength(opens.length)
  })

  test('a recorder that fails to close is logged, stop() still resolves', async () => {
    const { recorder } = memoryRecorder()
    const lines: string[] = []
    const { kraken } = createFakeKraken({
      record: {
        ...recorder,
        closed: false,
        nextConnection: () => 1,
        write: () => undefined,
        close: () => Promise.reject(new Error('disk full')),
      },
      logger: (message) => lines.push(message),
    })
    const running = kraken.run([TickerSubscriptionRequest(['BTC/USD'])])
    await new Promise((resolve) => setTimeout(resolve, 50))
    await kraken.stop()
    await running
    expect(lines).toContain(
      'The session recording could not be closed: disk full',
    )
  })
})
