/// <reference types="vite/client" />
import { describe, expect, test } from 'vitest'
import liveSamplesText from '../../../../fixtures/kraken-v2/live-samples.json?raw'
import samplesText from '../../../../fixtures/kraken-v2/samples.json?raw'
import {
  BalancesSubscriptionRequest,
  BalancesUnsubscribeRequest,
} from './channels/balances.js'
import {
  BookSubscriptionRequest,
  BookUnsubscribeRequest,
} from './channels/book.js'
import {
  ExecutionSubscriptionRequest,
  ExecutionUnsubscribeRequest,
} from './channels/executions.js'
import {
  InstrumentsSubscriptionRequest,
  InstrumentsUnsubscribeRequest,
} from './channels/instrument.js'
import {
  OrdersSubscriptionRequest,
  OrdersUnsubscribeRequest,
} from './channels/level3.js'
import {
  OHLCSubscriptionRequest,
  OHLCUnsubscribeRequest,
} from './channels/ohlc.js'
import {
  TickerSubscriptionRequest,
  TickerUnsubscribeRequest,
} from './channels/ticker.js'
import {
  TradesSubscriptionRequest,
  TradesUnsubscribeRequest,
} from './channels/trade.js'
import { AddOrderRequest } from './methods/addOrder.js'
import { AmendOrderRequest } from './methods/amendOrder.js'
import { BatchAddRequest } from './methods/batchAdd.js'
import { BatchCancelRequest } from './methods/batchCancel.js'
import { CancelAllRequest } from './methods/cancelAll.js'
import { CancelAllOrdersAfterRequest } from './methods/cancelAllOrdersAfter.js'
import { CancelOrderRequest } from './methods/cancelOrder.js'
import { EditOrderRequest } from './methods/editOrder.js'
import { PingRequest } from './methods/ping.js'
import type { RequestMessage } from './requestMessage.js'
import { stringifyRequest } from './stringifyRequest.js'

/** One frame of a fixture file, with the exact text of its `message`. */
type Sample = {
  index: number
  direction: string
  channel_or_method: string
  message: Record<string, unknown>
  /** The message as written in the file, so that digits can be compared. */
  text: string
}

/** Fixture files hold one entry per line, `message` last. */
function readSamples(fileText: string): Sample[] {
  const entries: unknown[] = JSON.parse(fileText)
  const lines = fileText.split('\n').filter((line) => line.startsWith('  {'))
  expect(lines).toHaveLength(entries.length)
  return lines.map((line, index) => {
    const entry = entries[index] as Omit<Sample, 'index' | 'text'>
    const start = line.indexOf('"message": ') + '"message": '.length
    const text = line.replace(/},?$/, '').slice(start)
    expect(JSON.parse(text)).toEqual(entry.message)
    return { ...entry, index, text }
  })
}

/** Every number literal of a frame, by key, in order of appearance. */
function numberLiterals(frameText: string): Record<string, string[]> {
  const literals: Record<string, string[]> = {}
  for (const match of frameText.matchAll(/"(\w+)":(-?\d[\d.eE+-]*)/g)) {
    const [, key = '', literal = ''] = match
    literals[key] = [...(literals[key] ?? []), literal].sort()
  }
  return literals
}

const DOCS_TOKEN = 'G38a1tGFzqGiUCmnegBcm8d4nfP3tytiNQz6tkCBYXY'

/** How each `send` frame is made with the builders, by fixture index. */
const docsFrames: Record<number, () => RequestMessage> = {
  0: () => TickerSubscriptionRequest(['ALGO/USD']),
  4: () => TickerUnsubscribeRequest(['ALGO/USD']),
  6: () => BookSubscriptionRequest(['ALGO/USD', 'MATIC/USD']),
  11: () => BookUnsubscribeRequest(['ALGO/USD', 'MATIC/USD']),
  14: () => OHLCSubscriptionRequest(['ALGO/USD', 'MATIC/USD'], { interval: 5 }),
  19: () => OHLCUnsubscribeRequest(['ALGO/USD', 'MATIC/USD'], { interval: 5 }),
  22: () => TradesSubscriptionRequest(['MATIC/USD'], { snapshot: true }),
  26: () => TradesUnsubscribeRequest(['MATIC/USD'], { snapshot: true }),
  28: () =>
    ExecutionSubscriptionRequest({ snap_orders: true, snap_trades: true }),
  33: () => ExecutionUnsubscribeRequest(),
  35: () => InstrumentsSubscriptionRequest(),
  39: () => InstrumentsUnsubscribeRequest(),
  41: () =>
    OrdersSubscriptionRequest(['ALGO/USD', 'MATIC/USD'], { snapshot: true }),
  46: () => OrdersUnsubscribeRequest(['ALGO/USD', 'MATIC/USD']),
  49: () => BalancesSubscriptionRequest(),
  55: () => BalancesUnsubscribeRequest(),
  57: () => PingRequest(),
  61: () =>
    AmendOrderRequest({
      cl_ord_id: '2c6be801-1f53-4f79-a0bb-4ea1c95dfae9',
      limit_price: '490795',
      order_qty: '1.2',
    }),
  62: () =>
    AmendOrderRequest({
      order_id: 'OAIYAU-LGI3M-PFM5VW',
      limit_price: '61031.3',
      deadline: '2024-07-21T09:53:59.050Z',
      post_only: true,
    }),
  64: () =>
    EditOrderRequest({
      order_id: 'ORDERX-IDXXX-XXXXX1',
      order_qty: '0.2123456789',
      symbol: 'BTC/USD',
    }),
  66: () =>
    CancelOrderRequest({
      order_id: ['OM5CRX-N2HAL-GFGWE9', 'OLUMT4-UTEGU-ZYM7E9'],
    }),
  69: () => CancelAllRequest(),
  71: () => CancelAllOrdersAfterRequest({ timeout: 100 }),
  73: () =>
    BatchAddRequest({
      deadline: '2022-06-13T08:09:10.123456Z',
      orders: [
        {
          limit_price: '1010.10',
          order_qty: '0.123456789',
          order_type: 'limit',
          order_userref: 1,
          side: 'buy',
        },
        {
          limit_price: '2020.20',
          order_qty: '0.987654321',
          order_type: 'limit',
          order_userref: 2,
          side: 'sell',
          stp_type: 'cancel_both',
        },
      ],
      symbol: 'BTC/USD',
      validate: false,
    }),
  75: () => BatchCancelRequest({ orders: ['1', '2', 'ORDERX-IDXXX-XXXXX3'] }),
  77: () =>
    AddOrderRequest({
      order_type: 'limit',
      side: 'buy',
      limit_price: '26500.4',
      order_userref: 100054,
      order_qty: '1.2',
      symbol: 'BTC/USD',
    }),
  78: () =>
    AddOrderRequest({
      order_type: 'stop-loss',
      side: 'sell',
      order_qty: '100',
      symbol: 'MATIC/USD',
      triggers: { reference: 'last', price: '-2.0', price_type: 'pct' },
    }),
  79: () =>
    AddOrderRequest({
      order_type: 'limit',
      side: 'buy',
      order_qty: '1.2',
      symbol: 'BTC/USD',
      limit_price: '28440',
      conditional: {
        order_type: 'stop-loss-limit',
        trigger_price: '28410',
        limit_price: '28400',
      },
    }),
  82: () =>
    AddOrderRequest({
      order_type: 'trailing-stop',
      side: 'buy',
      order_qty: '100',
      symbol: 'MATIC/USD',
      triggers: { reference: 'last', price: '1.0', price_type: 'pct' },
    }),
}

const liveFrames: Record<number, () => RequestMessage> = {
  19: () =>
    AmendOrderRequest({
      order_id: 'BQS60L-EGW18-UPAK9U',
      order_qty: '5.1',
      limit_price: '0.96',
      post_only: false,
    }),
}

describe.each([
  { file: 'samples.json', fileText: samplesText, frames: docsFrames },
  { file: 'live-samples.json', fileText: liveSamplesText, frames: liveFrames },
])('$file', ({ fileText, frames }) => {
  const sends = readSamples(fileText).filter(
    (sample) => sample.direction === 'send',
  )

  test('behavior: every send frame has a builder call', () => {
    expect(Object.keys(frames).map(Number)).toEqual(
      sends.map((sample) => sample.index),
    )
  })

  test.each(sends)('default: $channel_or_method (#$index)', (sample) => {
    const build = frames[sample.index]
    if (build === undefined) throw new Error(`no builder for #${sample.index}`)
    const { req_id, params } = sample.message as {
      req_id?: number
      params?: { token?: string }
    }
    const text = stringifyRequest(build(), { req_id, token: params?.token })

    expect(JSON.parse(text)).toEqual(sample.message)
    expect(numberLiterals(text)).toEqual(numberLiterals(sample.text))
  })
})

test('behavior: the docs token stays out of public frames', () => {
  const text = stringifyRequest(TickerSubscriptionRequest('ALGO/USD'), {
    token: DOCS_TOKEN,
  })
  expect(text).toBe(
    '{"method":"subscribe","params":{"channel":"ticker","symbol":["ALGO/USD"]}}',
  )
})
