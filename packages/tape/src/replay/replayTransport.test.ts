import { TransportNotOpenError } from '@kraken-sockets/transport'
import { describe, expect, test } from 'vitest'
import { TapeError, TapeFormatError } from '../errors.js'
import type { TapeEvent } from '../format/events.js'
import { formatTapeTime } from '../format/time.js'
import { replayTransport } from './replayTransport.js'

const T0 = 1_765_000_000_000_000
let step = 0
function at(ms: number) {
  return { time: formatTapeTime(T0 + ms * 1000), mono: ms * 1000 }
}
const open = (
  conn: number,
  ms: number,
  endpoint: 'public' | 'private' = 'public',
): TapeEvent => ({
  kind: 'open',
  conn,
  endpoint,
  url: 'wss://ws.kraken.com/v2',
  ...at(ms),
})
const frame = (conn: number, ms: number, text: string): TapeEvent => ({
  kind: 'in',
  conn,
  text,
  ...at(ms),
})
const close = (conn: number, ms: number): TapeEvent => ({
  kind: 'close',
  conn,
  reason: 'server 1006',
  ...at(ms),
})
const ack = (channel: string, symbol: string) =>
  `{"method":"subscribe","req_id":${++step},"result":{"channel":"${channel}","symbol":"${symbol}","snapshot":true},"success":true,"time_in":"2025-12-06T05:46:40.000000Z","time_out":"2025-12-06T05:46:40.000000Z"}`
const ticker = (symbol: string, last: string) =>
  `{"channel":"ticker","type":"update","data":[{"symbol":"${symbol}","last":${last}}]}`
const STATUS =
  '{"channel":"status","type":"update","data":[{"connection_id":12393906104898154338,"system":"online"}]}'

/** Drives a replay socket the way a client would, logging what it hears. */
async function drive(
  events: TapeEvent[],
  onMessage?: (text: string, send: (text: string) => void) => void,
  speed: number | 'max' = 'max',
) {
  const replay = replayTransport(events, { speed })
  const transport = replay('public')({ endpoint: 'public' })
  const heard: string[] = []
  const statuses: string[] = []
  transport.on('status', (event) => statuses.push(event.status))
  transport.on('message', (text) => {
    heard.push(text)
    onMessage?.(text, (out) => transport.send(out))
  })
  transport.on('open', () => {
    transport.send(
      '{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":1}',
    )
  })
  await transport.connect()
  const report = await replay.done()
  return { transport, heard, statuses, report, replay }
}

describe('replayTransport', () => {
  test('plays only held subscriptions, in tape order, acking the client at the tape ack', async () => {
    const { heard, report } = await drive([
      open(1, 0),
      frame(1, 1, STATUS),
      frame(1, 2, ack('ticker', 'BTC/USD')),
      frame(1, 3, ack('ticker', 'ETH/USD')),
      frame(1, 4, ticker('BTC/USD', '100.10')),
      frame(1, 5, ticker('ETH/USD', '5.0')),
      frame(1, 6, ticker('BTC/USD', '100.20')),
    ])
    expect(heard[0]).toBe(STATUS)
    expect(JSON.parse(heard[1] ?? '')).toMatchObject({
      method: 'subscribe',
      req_id: 1,
      success: true,
      result: { channel: 'ticker', symbol: 'BTC/USD' },
    })
    // Frame text is passed on as recorded: trailing zeros and the u64 survive.
    expect(heard.slice(2)).toEqual([
      ticker('BTC/USD', '100.10'),
      ticker('BTC/USD', '100.20'),
    ])
    expect(report).toMatchObject({
      frames: 3,
      skipped: 1,
      subscribed: ['ticker BTC/USD'],
      missing: [],
    })
  })

  test('a subscription made in reaction to a frame is answered at its recorded ack', async () => {
    const { heard } = await drive(
      [
        open(1, 0),
        frame(1, 1, ack('ticker', 'BTC/USD')),
        frame(1, 2, ticker('BTC/USD', '1.0')),
        frame(1, 3, ticker('ETH/USD', '9.0')),
        frame(1, 4, ack('ticker', 'ETH/USD')),
        frame(1, 5, ticker('ETH/USD', '9.5')),
      ],
      (text, send) => {
        if (text === ticker('BTC/USD', '1.0'))
          send(
            '{"method":"subscribe","params":{"channel":"ticker","symbol":["ETH/USD"]},"req_id":2}',
          )
      },
    )
    expect(
      heard
        .slice(1)
        .map((t) => JSON.parse(t).result?.symbol ?? JSON.parse(t).data[0].last),
    ).toEqual([1, 'ETH/USD', 9.5])
  })

  test('a tape connection that closed and reopened replays as a reconnect', async () => {
    const { heard, statuses, report } = await drive([
      open(1, 0),
      frame(1, 1, ack('ticker', 'BTC/USD')),
      frame(1, 2, ticker('BTC/USD', '1.0')),
      close(1, 3),
      open(2, 4),
      frame(2, 5, ack('ticker', 'BTC/USD')),
      frame(2, 6, ticker('BTC/USD', '2.0')),
    ])
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'open'])
    expect(report.reconnects).toBe(1)
    // The client's `open` listener subscribed again, and was answered.
    expect(heard.filter((t) => t.includes('"success":true'))).toHaveLength(2)
    expect(heard.filter((t) => t.startsWith('{"channel":"ticker"'))).toEqual([
      ticker('BTC/USD', '1.0'),
      ticker('BTC/USD', '2.0'),
    ])
  })

  test('answers pings, refuses trading requests and unknown subscriptions, acks unsubscribe', async () => {
    const { transport, heard, replay } = await drive([
      open(1, 0),
      frame(1, 1, ticker('BTC/USD', '1.0')),
    ])
    heard.length = 0
    transport.send('{"method":"ping","req_id":7}')
    transport.send(
      '{"method":"add_order","params":{"order_type":"limit","token":"x"},"req_id":8}',
    )
    transport.send(
      '{"method":"subscribe","params":{"channel":"book","symbol":["BTC/USD"]},"req_id":9}',
    )
    transport.send(
      '{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":10}',
    )
    transport.send(
      '{"method":"unsubscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":11}',
    )
    await Promise.resolve()
    const answers = heard.map((t) => JSON.parse(t))
    expect(answers).toMatchObject([
      { method: 'pong', req_id: 7 },
      {
        method: 'add_order',
        req_id: 8,
        success: false,
        error: 'EReplay:A tape cannot answer this request',
      },
      {
        method: 'subscribe',
        req_id: 9,
        success: false,
        symbol: 'BTC/USD',
        error: 'EReplay:The tape holds no book BTC/USD',
      },
      {
        method: 'subscribe',
        req_id: 10,
        success: false,
        error: 'Already subscribed',
      },
      { method: 'unsubscribe', req_id: 11, success: true },
    ])
    expect(replay.report()).toMatchObject({
      missing: [{ endpoint: 'public', channel: 'book', symbol: 'BTC/USD' }],
      refused: ['add_order'],
    })
    await transport.close()
    expect(() => transport.send('{"method":"ping"}')).toThrow(
      TransportNotOpenError,
    )
  })

  test('speed paces frames by their monotonic offsets', async () => {
    const started = performance.now()
    await drive(
      [
        open(1, 0),
        frame(1, 1, ticker('BTC/USD', '1.0')),
        frame(1, 401, ticker('BTC/USD', '2.0')),
      ],
      undefined,
      2,
    )
    // 400 ms of tape at 2x: at least ~200 ms (only a lower bound: slow machines run long).
    expect(performance.now() - started).toBeGreaterThanOrEqual(180)
  })

  test('a tape that cannot be read is reported on error and rejects done()', async () => {
    const replay = replayTransport('/nonexistent/kraken.tape')
    const transport = replay('public')({ endpoint: 'public' })
    const errors: Error[] = []
    transport.on('error', (error) => errors.push(error))
    await transport.connect()
    await expect(replay.done()).rejects.toThrow(TapeFormatError)
    expect(errors).toHaveLength(1)
    expect(errors[0]?.cause).toBeInstanceOf(TapeFormatError)
    await transport.close()
  })

  test('rejects a speed that is not positive', () => {
    expect(() => replayTransport([], { speed: 0 })).toThrow(TapeError)
    expect(() => replayTransport([], { speed: -1 })).toThrow(TapeError)
  })
})
