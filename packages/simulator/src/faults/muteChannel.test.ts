import { describe, expect, test } from 'vitest'
import { closeAfterEach } from '../testing/lifecycle.js'

/*
 * `muteChannel`: one subscription stops streaming while its socket, its
 * heartbeats and its other subscriptions go on; a fresh subscription of it
 * streams again.
 */

const open = closeAfterEach()

const subscribe = (method: string, symbol: string, reqId: number) => ({
  method,
  params: { channel: 'ticker', symbol: [symbol] },
  req_id: reqId,
})

const tickerOf = (symbol: string) => (frame: string) =>
  frame.startsWith('{"channel":"ticker"') &&
  frame.includes(`"symbol":"${symbol}"`)

describe('muteChannel', () => {
  test('behavior: a muted stream is silent, others flow, and a resubscription ends it', async () => {
    const simulator = await open.start({ rate: 200 })
    const client = await open.connect(simulator.publicUrl)
    client.send(subscribe('subscribe', 'BTC/USD', 1))
    client.send(subscribe('subscribe', 'ETH/USD', 2))
    await client.next(tickerOf('BTC/USD'))
    await client.next(tickerOf('ETH/USD'))
    simulator.inject({
      type: 'muteChannel',
      channel: 'ticker',
      symbol: 'BTC/USD',
    })
    // Frames sent before the mute have arrived once the pong has.
    await client.sync()
    const from = client.frames.length
    // ETH/USD and heartbeats go on while BTC/USD is muted.
    for (let i = 0; i < 5; i++) await client.next(tickerOf('ETH/USD'))
    await client.next((f) => f.includes('"channel":"heartbeat"'))
    expect(client.frames.slice(from).filter(tickerOf('BTC/USD'))).toEqual([])
    expect(simulator.stats.connections[0]?.framesDropped).toBeGreaterThan(0)
    // Unsubscribe and subscribe again: the fresh subscription streams.
    client.send(subscribe('unsubscribe', 'BTC/USD', 3))
    client.send(subscribe('subscribe', 'BTC/USD', 4))
    await client.next(tickerOf('BTC/USD'))
  })

  test('behavior: enabled false lifts it', async () => {
    const simulator = await open.start({ rate: 200 })
    const client = await open.connect(simulator.publicUrl)
    client.send(subscribe('subscribe', 'BTC/USD', 1))
    await client.next(tickerOf('BTC/USD'))
    simulator.inject({ type: 'muteChannel', channel: 'ticker' })
    await client.sync()
    const from = client.frames.length
    for (let i = 0; i < 2; i++)
      await client.next((f) => f.includes('"channel":"heartbeat"'))
    expect(client.frames.slice(from).filter(tickerOf('BTC/USD'))).toEqual([])
    simulator.inject({ type: 'muteChannel', channel: 'ticker', enabled: false })
    await client.next(tickerOf('BTC/USD'))
  })
})
