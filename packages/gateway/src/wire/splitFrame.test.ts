import { describe, expect, test } from 'vitest'
import { splitFrame } from './splitFrame.js'

describe('splitFrame', () => {
  test('one body per symbol, with the exact digits Kraken sent', () => {
    const text =
      '{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","last":26500.10,"bid":1e-8},{"symbol":"ETH/USD","last":1800.000000001,"note":"a,]\\"}"}]}'
    const parts = splitFrame(text)
    expect(parts?.map((part) => part.symbol)).toEqual(['BTC/USD', 'ETH/USD'])
    expect(parts?.[0]?.body).toBe(
      '{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","last":26500.10,"bid":1e-8}]}',
    )
    expect(parts?.[1]?.body).toContain('1800.000000001')
    expect(parts?.[1]?.body).toContain('"note":"a,]\\"}"')
  })

  test('items of the same symbol stay together, in order', () => {
    const text =
      '{"channel":"trade","type":"update","data":[{"symbol":"A/B","trade_id":1},{"symbol":"C/D","trade_id":2},{"symbol":"A/B","trade_id":3}]}'
    const parts = splitFrame(text) ?? []
    expect(parts.map((part) => part.body)).toEqual([
      '{"channel":"trade","type":"update","data":[{"symbol":"A/B","trade_id":1},{"symbol":"A/B","trade_id":3}]}',
      '{"channel":"trade","type":"update","data":[{"symbol":"C/D","trade_id":2}]}',
    ])
  })

  test('a one-symbol frame in Kraken layout is passed as received; other layouts are rebuilt', () => {
    const text =
      '{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":26500.10,"qty":0.50000000}],"checksum":123}]}'
    expect(splitFrame(text)?.[0]?.body).toBe(text)
    const spaced =
      '{ "channel": "ticker", "type": "update", "data": [ {"symbol":"A/B","last":1.50} , {"symbol":"A/B","last":1.60} ] }'
    expect(splitFrame(spaced)).toEqual([
      {
        channel: 'ticker',
        type: 'update',
        symbol: 'A/B',
        interval: undefined,
        body: '{"channel":"ticker","type":"update","data":[{"symbol":"A/B","last":1.50},{"symbol":"A/B","last":1.60}]}',
      },
    ])
  })

  test('ohlc items of different intervals go to different subjects', () => {
    const parts = splitFrame(
      '{"channel":"ohlc","type":"update","data":[{"symbol":"A/B","interval":1,"open":1.10},{"symbol":"A/B","interval":5,"open":1.20}]}',
    )
    expect(parts?.map((part) => part.interval)).toEqual([1, 5])
  })

  test('ohlc items carry their interval', () => {
    const parts = splitFrame(
      '{"channel":"ohlc","type":"update","data":[{"symbol":"A/B","interval":5,"open":1.10}]}',
    )
    expect(parts?.[0]?.interval).toBe(5)
  })

  test('acks, heartbeats and non-frames are not data', () => {
    expect(splitFrame('{"channel":"heartbeat"}')).toEqual([])
    expect(
      splitFrame('{"method":"subscribe","success":true,"result":{}}'),
    ).toEqual([])
    expect(splitFrame('not json')).toBeUndefined()
  })

  test('status frames pass whole, without a symbol', () => {
    const text =
      '{"channel":"status","type":"update","data":[{"system":"online","connection_id":12345678901234567890}]}'
    expect(splitFrame(text)).toEqual([
      {
        channel: 'status',
        type: 'update',
        symbol: undefined,
        interval: undefined,
        body: text,
      },
    ])
  })

  test('instrument frames (data an object) pass whole, without a symbol', () => {
    const text =
      '{"channel":"instrument","type":"snapshot","data":{"assets":[{"id":"BTC","precision":10}],"pairs":[{"symbol":"BTC/USD","qty_min":0.00005}]}}'
    expect(splitFrame(text)).toEqual([
      {
        channel: 'instrument',
        type: 'snapshot',
        symbol: undefined,
        interval: undefined,
        body: text,
      },
    ])
  })
})
