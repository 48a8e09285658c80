import { inspect } from 'node:util'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createConnectionBudget } from '../budget.js'
import {
  ConnectionError,
  FatalTransportError,
  InvalidConfigError,
  InvalidUrlError,
  ReconnectExhaustedError,
  TransportClosedError,
  TransportNotOpenError,
} from '../errors.js'
import {
  nextEvent,
  recordStatuses,
  refusedUrl,
  type ScriptedServer,
  STATUS_FRAME,
  startScriptedServer,
} from '../testing/scriptedServer.js'
import type { Transport } from '../types.js'
import { nodeWebSocket } from './nodeWebSocket.js'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  vi.useRealTimers()
})

async function server(
  options?: Parameters<typeof startScriptedServer>[0],
): Promise<ScriptedServer> {
  const started = await startScriptedServer(options)
  cleanups.push(() => started.close())
  return started
}

function track<T extends Transport>(transport: T): T {
  cleanups.push(() => transport.close())
  return transport
}

function fakeTime() {
  vi.useFakeTimers({
    toFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'Date',
    ],
  })
}

describe('nodeWebSocket', () => {
  test('default', async () => {
    const kraken = await server()
    const transport = track(nodeWebSocket()({ url: kraken.url }))
    const messages: string[] = []
    transport.on('message', (text) => messages.push(text))
    const opened = nextEvent(transport, 'open')
    const first = nextEvent(transport, 'message')
    await transport.connect()

    expect(transport.status).toBe('open')
    expect(transport.name).toBe('nodeWebSocket')
    expect(await opened).toEqual({
      endpoint: 'public',
      url: kraken.url,
      connection: 1,
      isReconnect: false,
    })
    // The raw text, so connection_id (> 2^53) keeps every digit.
    expect(await first).toBe(STATUS_FRAME)

    const socket = await kraken.nextSocket()
    const got = new Promise<string>((resolve) =>
      socket.once('message', (data) => resolve(data.toString())),
    )
    transport.send(
      '{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":7}',
    )
    expect(await got).toBe(
      '{"method":"subscribe","params":{"channel":"ticker","symbol":["BTC/USD"]},"req_id":7}',
    )
  })

  test('behavior: a server drop reconnects and emits open again', async () => {
    const kraken = await server()
    const transport = track(
      nodeWebSocket({ reconnect: { random: () => 0 } })({ url: kraken.url }),
    )
    const statuses = recordStatuses(transport)
    await transport.connect()
    const socket = await kraken.nextSocket()

    const reopened = nextEvent(transport, 'open')
    socket.close(1001, 'going away')
    expect(await reopened).toMatchObject({ connection: 2, isReconnect: true })
    expect(statuses).toEqual([
      'connecting',
      'open',
      'reconnecting:server',
      'connecting',
      'open',
    ])
    expect(kraken.sockets).toHaveLength(2)
  })

  test('behavior: a maintenance close waits the raised minimum delay', async () => {
    fakeTime()
    const kraken = await server()
    const transport = track(
      nodeWebSocket({ reconnect: { random: () => 0 } })({ url: kraken.url }),
    )
    await transport.connect()
    const socket = await kraken.nextSocket()
    transport.setMinReconnectDelay(5_000)

    const reconnecting = nextEvent(
      transport,
      'status',
      (e) => e.status === 'reconnecting',
    )
    socket.close(1012, 'maintenance')
    expect(await reconnecting).toMatchObject({
      delay: 5_000,
      delayReason: 'minimum',
      reason: { kind: 'server', code: 1012, reason: 'maintenance' },
    })
    vi.advanceTimersByTime(4_999)
    expect(transport.status).toBe('reconnecting')
    const reopened = nextEvent(transport, 'open')
    vi.advanceTimersByTime(1)
    await reopened
    expect(kraken.sockets).toHaveLength(2)
  })

  test('behavior: refused connections back off exponentially with full jitter, capped', async () => {
    fakeTime()
    const url = await refusedUrl()
    const transport = track(
      nodeWebSocket({
        reconnect: { initialDelay: 1_000, maxDelay: 5_000, random: () => 0.5 },
      })({ url }),
    )
    const delays: number[] = []
    const errors: unknown[] = []
    transport.on('error', (error) => errors.push(error))
    const connecting = transport.connect()
    connecting.catch(() => {})
    for (let i = 0; i < 5; i++) {
      const event = await nextEvent(
        transport,
        'status',
        (e) => e.status === 'reconnecting',
      )
      if (event.status !== 'reconnecting') throw new Error('unreachable')
      delays.push(event.delay)
      expect(event.reason.kind).toBe('error')
      vi.advanceTimersByTime(event.delay)
    }
    expect(delays).toEqual([500, 1_000, 2_000, 2_500, 2_500])
    expect(errors[0]).toBeInstanceOf(ConnectionError)
    await transport.close()
    await expect(connecting).rejects.toBeInstanceOf(TransportClosedError)
  })

  test('behavior: the failure count resets only after minUptime', async () => {
    fakeTime()
    const kraken = await server()
    const transport = track(
      nodeWebSocket({
        reconnect: {
          initialDelay: 1_000,
          minUptime: 10_000,
          random: () => 0.5,
        },
        staleAfter: 60_000,
      })({ url: kraken.url }),
    )
    await transport.connect()
    const delays: number[] = []
    transport.on('status', (e) => {
      if (e.status === 'reconnecting') delays.push(e.delay)
    })
    // Accepted then dropped at once, twice: the backoff keeps growing.
    for (let i = 0; i < 2; i++) {
      const socket = kraken.sockets[kraken.sockets.length - 1]
      const reopened = nextEvent(transport, 'open')
      socket?.terminate()
      await nextEvent(transport, 'status', (e) => e.status === 'reconnecting')
      vi.advanceTimersByTime(delays[delays.length - 1] ?? 0)
      await reopened
    }
    // Stable for minUptime: the next drop starts from the first delay again.
    vi.advanceTimersByTime(10_000)
    kraken.sockets[kraken.sockets.length - 1]?.terminate()
    await nextEvent(transport, 'status', (e) => e.status === 'reconnecting')
    expect(delays).toEqual([500, 1_000, 500])
  })

  test('behavior: a silent (half-open) socket is declared stale and replaced', async () => {
    fakeTime()
    const kraken = await server({ answerPings: false, greet: false })
    const transport = track(
      nodeWebSocket({ reconnect: { random: () => 0 } })({
        url: kraken.url,
        staleAfter: 10_000,
      }),
    )
    const statuses = recordStatuses(transport)
    await transport.connect()
    const stale = nextEvent(transport, 'status', (e) => e.status === 'stale')
    vi.advanceTimersByTime(9_999)
    expect(statuses).toEqual(['connecting', 'open'])
    vi.advanceTimersByTime(1)
    expect(await stale).toMatchObject({ silentFor: 10_000 })
    const reopened = nextEvent(transport, 'open')
    // A zero delay set inside a fake timer callback counts as 1 ms.
    vi.advanceTimersByTime(1)
    await reopened
    expect(statuses).toEqual([
      'connecting',
      'open',
      'stale',
      'reconnecting:stale',
      'connecting',
      'open',
    ])
    // The quiet server was pinged before the socket was given up.
    expect(kraken.received).toContain('{"method":"ping","req_id":1}')
  })

  test('behavior: pings keep a quiet socket alive and measure rtt and clock offset', async () => {
    fakeTime()
    vi.setSystemTime(Date.parse('2024-01-01T00:00:00.000Z'))
    const kraken = await server({
      greet: false,
      pongTimes: {
        time_in: '2024-01-01T00:00:07.000250Z',
        time_out: '2024-01-01T00:00:07.000750Z',
      },
    })
    const transport = track(nodeWebSocket()({ url: kraken.url }))
    const statuses = recordStatuses(transport)
    await transport.connect()
    for (let i = 0; i < 14; i++) {
      const pong = nextEvent(transport, 'pong')
      vi.advanceTimersByTime(5_000)
      await pong
    }
    // 70 s with no subscription: no stale, no reconnect.
    expect(statuses).toEqual(['connecting', 'open'])
    const latency = transport.latency
    expect(latency?.rtt).toBe(0)
    // Server midpoint 00:00:07.0005 vs local 00:01:10: offset is exact.
    expect(latency?.clockOffset).toBeCloseTo(7_000.5 - 70_000, 6)
    expect(kraken.received.filter((t) => t.includes('"ping"'))).toHaveLength(14)
    // Ping ids are released once answered.
    expect(transport.requestIds.inFlight).toBe(0)
  })

  test('behavior: a fatal Kraken error stops retrying and is reported', async () => {
    fakeTime()
    const kraken = await server()
    const transport = track(
      nodeWebSocket()({ url: kraken.url, endpoint: 'private' }),
    )
    const statuses = recordStatuses(transport)
    const error = nextEvent(transport, 'error')
    const messages: string[] = []
    transport.on('message', (text) => messages.push(text))
    await transport.connect()
    const socket = await kraken.nextSocket()
    const frame =
      '{"error":"EAPI:Invalid key","method":"subscribe","success":false,"time_in":"2024-05-18T12:03:43.466650Z","time_out":"2024-05-18T12:03:43.471987Z"}'
    socket.send(frame)
    const fatal = await error
    expect(fatal).toBeInstanceOf(FatalTransportError)
    expect(fatal).toMatchObject({
      krakenError: 'EAPI:Invalid key',
      endpoint: 'private',
    })
    // The frame still reaches the runtime, so it can settle its request.
    expect(messages).toContain(frame)
    expect(transport.status).toBe('closed')
    vi.advanceTimersByTime(600_000)
    expect(statuses).toEqual(['connecting', 'open', 'closed:fatal'])
    expect(kraken.sockets).toHaveLength(1)
  })

  test('behavior: a user text containing a fatal code is not fatal', async () => {
    const kraken = await server()
    const transport = track(nodeWebSocket()({ url: kraken.url }))
    await transport.connect()
    const socket = await kraken.nextSocket()
    const next = nextEvent(transport, 'message', (t) => t.includes('cl_ord_id'))
    socket.send(
      '{"channel":"executions","type":"update","data":[{"cl_ord_id":"EAPI:Invalid key"}]}',
    )
    await next
    expect(transport.status).toBe('open')
  })

  test('behavior: fail() stops the transport for good', async () => {
    const kraken = await server()
    const transport = track(nodeWebSocket()({ url: kraken.url }))
    await transport.connect()
    const statuses = recordStatuses(transport)
    const error = nextEvent(transport, 'error')
    transport.fail('EGeneral:Permission denied')
    expect(await error).toBeInstanceOf(FatalTransportError)
    expect(statuses).toEqual(['closed:fatal'])
    expect(() => transport.send('{}')).toThrow(TransportNotOpenError)
  })

  test('behavior: close() is deliberate and never reconnects', async () => {
    fakeTime()
    const kraken = await server()
    const transport = track(nodeWebSocket()({ url: kraken.url }))
    const statuses = recordStatuses(transport)
    await transport.connect()
    const socket = await kraken.nextSocket()
    const serverSawClose = new Promise<number>((resolve) =>
      socket.once('close', resolve),
    )
    await transport.close()
    expect(await serverSawClose).toBe(1000)
    vi.advanceTimersByTime(600_000)
    expect(statuses).toEqual(['connecting', 'open', 'closed:client'])
    expect(kraken.sockets).toHaveLength(1)
  })

  test('error: send while not open throws and queues nothing', async () => {
    fakeTime()
    const kraken = await server()
    const transport = track(nodeWebSocket()({ url: kraken.url }))
    expect(() => transport.send('{"method":"ping"}')).toThrow(
      TransportNotOpenError,
    )
    await transport.connect()
    const socket = await kraken.nextSocket()
    const reconnecting = nextEvent(
      transport,
      'status',
      (e) => e.status === 'reconnecting',
    )
    socket.terminate()
    await reconnecting
    expect(() => transport.send('{"method":"ping","req_id":99}')).toThrow(
      /not open/,
    )
    const reopened = nextEvent(transport, 'open')
    vi.advanceTimersByTime(30_000)
    await reopened
    const next = await kraken.nextSocket()
    const got = new Promise<string>((resolve) =>
      next.once('message', (d) => resolve(d.toString())),
    )
    transport.send('{"method":"ping","req_id":100}')
    // The frame sent while down was dropped, not replayed.
    expect(await got).toBe('{"method":"ping","req_id":100}')
  })

  test('behavior: reconnect false closes on a drop; connect() rejects when refused', async () => {
    const kraken = await server()
    const transport = track(
      nodeWebSocket({ reconnect: false })({ url: kraken.url }),
    )
    const statuses = recordStatuses(transport)
    await transport.connect()
    const closed = nextEvent(transport, 'status', (e) => e.status === 'closed')
    ;(await kraken.nextSocket()).close(4000, 'bye')
    expect(await closed).toMatchObject({
      reason: { kind: 'server', code: 4000, reason: 'bye' },
    })
    expect(statuses).toEqual(['connecting', 'open', 'closed:server'])

    const refused = track(
      nodeWebSocket({ reconnect: false })({ url: await refusedUrl() }),
    )
    await expect(refused.connect()).rejects.toBeInstanceOf(ConnectionError)
  })

  test('behavior: attempts caps consecutive failures', async () => {
    fakeTime()
    const transport = track(
      nodeWebSocket({ reconnect: { attempts: 2, random: () => 0 } })({
        url: await refusedUrl(),
      }),
    )
    const connecting = transport.connect()
    connecting.catch(() => {})
    await nextEvent(transport, 'status', (e) => e.status === 'reconnecting')
    vi.advanceTimersByTime(0)
    await expect(connecting).rejects.toBeInstanceOf(ReconnectExhaustedError)
    expect(transport.status).toBe('closed')
  })

  test('behavior: sockets sharing a budget wait for it when it is spent', async () => {
    fakeTime()
    const url = await refusedUrl()
    const budget = createConnectionBudget({ limit: 3, window: 60_000 })
    const factory = nodeWebSocket({ reconnect: { random: () => 0 } })
    const a = track(factory({ url, budget }))
    const b = track(factory({ url, budget, endpoint: 'private' }))
    const events: string[] = []
    for (const t of [a, b])
      t.on('status', (e) => {
        if (e.status === 'reconnecting')
          events.push(`${e.endpoint}:${e.delayReason}`)
      })
    a.connect().catch(() => {})
    await nextEvent(a, 'status', (e) => e.status === 'reconnecting')
    b.connect().catch(() => {})
    await nextEvent(b, 'status', (e) => e.status === 'reconnecting')
    expect(budget.remaining).toBe(1)
    const aWaits = nextEvent(a, 'status', (e) => e.status === 'reconnecting')
    const bWaits = nextEvent(b, 'status', (e) => e.status === 'reconnecting')
    vi.advanceTimersByTime(0)
    await Promise.all([aWaits, bWaits])
    expect(budget.remaining).toBe(0)
    // One of the two took the last slot and was refused; the other waits.
    expect(events).toContain('private:budget')
    const waiting = await bWaits
    expect(waiting).toMatchObject({ delayReason: 'budget', delay: 60_000 })
    // After the window, the waiting socket may try again.
    const retried = nextEvent(b, 'status', (e) => e.status === 'connecting')
    vi.advanceTimersByTime(60_000)
    await retried
  })

  test('behavior: a handshake that never completes times out', async () => {
    fakeTime()
    const { createServer } = await import('node:net')
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const held: Array<{ destroy(): void }> = []
    silent.on('connection', (c) => held.push(c))
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          for (const c of held) c.destroy()
          silent.close(() => resolve())
        }),
    )
    const address = silent.address()
    const port =
      typeof address === 'object' && address !== null ? address.port : 0
    const transport = track(
      nodeWebSocket({ connectTimeout: 3_000 })({
        url: `ws://127.0.0.1:${port}/v2`,
      }),
    )
    transport.connect().catch(() => {})
    await new Promise<void>((resolve) =>
      silent.once('connection', () => resolve()),
    )
    const reconnecting = nextEvent(
      transport,
      'status',
      (e) => e.status === 'reconnecting',
    )
    vi.advanceTimersByTime(3_000)
    const event = await reconnecting
    if (event.status !== 'reconnecting' || event.reason.kind !== 'error')
      throw new Error('expected an error reason')
    expect(event.reason.error.details).toBe('no open within 3000 ms')
  })

  test('error: insecure or malformed URLs and bad options', () => {
    expect(() =>
      nodeWebSocket()({
        endpoint: 'private',
        url: 'ws://ws-auth.kraken.com/v2',
      }),
    ).toThrow(InvalidUrlError)
    expect(() => nodeWebSocket()({ url: 'https://ws.kraken.com/v2' })).toThrow(
      InvalidUrlError,
    )
    expect(() => nodeWebSocket()({ url: 'not a url' })).toThrow(InvalidUrlError)
    expect(() =>
      nodeWebSocket({ pingInterval: 10_000 })({ staleAfter: 10_000 }),
    ).toThrow(InvalidConfigError)
    expect(() => nodeWebSocket({ reconnect: { attempts: 0 } })()).toThrow(
      InvalidConfigError,
    )
    // Loopback may use ws: even for private sockets.
    expect(
      nodeWebSocket()({ endpoint: 'level3', url: 'ws://localhost:1/v2' }).url,
    ).toBe('ws://localhost:1/v2')
    expect(nodeWebSocket()({ endpoint: 'level3' }).url).toBe(
      'wss://ws-l3.kraken.com/v2',
    )
  })

  test('behavior: credentials in the URL never appear in events or errors', async () => {
    const refused = (await refusedUrl()).replace('ws://', 'ws://user:hunter2@')
    const url = `${refused}?token=SECRETTOKEN`
    const transport = track(nodeWebSocket({ reconnect: false })({ url }))
    const events: unknown[] = []
    transport.on('status', (e) => events.push(e))
    const failure = await transport.connect().catch((error: unknown) => error)
    const text = inspect([transport, failure, events], {
      depth: 10,
      showHidden: true,
    })
    expect(failure).toBeInstanceOf(ConnectionError)
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('SECRETTOKEN')
    expect(transport.url).toContain('***')
  })
})
