import { AddOrderRequest, CancelOrderRequest } from '@kraken-sockets/schema'
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  KrakenRejectedError,
  NotSentError,
  OutcomeUnknownError,
} from '../index.js'
import { createFakeKraken, type SentFrame } from '../testing/fakeKraken.js'

/** vi.waitFor's own limit is 1 s of real time, too short on a loaded machine. */
const LOADED_MACHINE = { timeout: 120_000 }

const order = AddOrderRequest({
  order_type: 'limit',
  side: 'buy',
  symbol: 'BTC/USD',
  order_qty: '0.0001',
  limit_price: '26500.40',
  cl_ord_id: 'my-order-1',
})

const addOrderAck = (frame: SentFrame) => ({
  method: 'add_order',
  req_id: frame.req_id,
  result: { order_id: 'OABCDE-12345-FGHIJK', cl_ord_id: 'my-order-1' },
  success: true,
  time_in: '2026-01-01T00:00:00.000000Z',
  time_out: '2026-01-01T00:00:00.000100Z',
})

/** The request path alone: no feeds, no rounding (see tradingDesk tests). */
const PLAIN = { track: false, round: false }

afterEach(() => {
  vi.useRealTimers()
})

describe('kraken.request()', () => {
  test('default', async () => {
    const { kraken, sent, tokens } = createFakeKraken({
      trading: PLAIN,
      respond: (frame) =>
        frame.method === 'add_order' ? [addOrderAck(frame)] : undefined,
    })
    const ack = await kraken.request(order)
    expect(ack.result?.order_id).toBe('OABCDE-12345-FGHIJK')
    const [frame] = sent('private')
    expect(frame).toMatchObject({
      method: 'add_order',
      params: { limit_price: 26500.4, token: tokens[0] },
    })
    expect(frame?.req_id).toEqual(expect.any(Number))
    expect(kraken.stats().connections).toEqual({ private: 'open' })
    await kraken.stop()
  })

  test('behavior: money is sent with exactly the digits given', async () => {
    const { kraken, transports } = createFakeKraken({
      trading: PLAIN,
      respond: (frame) => [addOrderAck(frame)],
    })
    await kraken.trade(order)
    expect(transports.private?.sent[0]).toContain('"limit_price":26500.40')
    await kraken.stop()
  })

  test('error: an answer that cannot be decoded ends the request at once as OutcomeUnknownError', async () => {
    const { kraken } = createFakeKraken({
      trading: PLAIN,
      requestTimeout: 60_000,
      respond: (frame) => [
        // order_id must be a string: this answer fails to decode.
        { ...addOrderAck(frame), result: { order_id: 42 } },
      ],
    })
    const errors: unknown[] = []
    kraken.on('error', (error) => {
      errors.push(error)
    })
    const started = Date.now()
    const failure = kraken.request(order)
    await expect(failure).rejects.toBeInstanceOf(OutcomeUnknownError)
    await expect(failure).rejects.toMatchObject({
      reason: 'undecodable',
      clOrdIds: ['my-order-1'],
    })
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(errors).toHaveLength(1)
    await kraken.stop()
  })

  test('error: success false rejects with KrakenRejectedError', async () => {
    const { kraken } = createFakeKraken({
      trading: PLAIN,
      respond: (frame) => [
        {
          method: 'add_order',
          req_id: frame.req_id,
          error: 'EOrder:Insufficient funds',
          success: false,
        },
      ],
    })
    const failure = kraken.request(order)
    await expect(failure).rejects.toBeInstanceOf(KrakenRejectedError)
    await expect(failure).rejects.toMatchObject({
      error: 'EOrder:Insufficient funds',
      prefix: 'EOrder',
      method: 'add_order',
    })
    await kraken.stop()
  })

  test('error: a drop after sending rejects with OutcomeUnknownError, and nothing is resent', async () => {
    const { kraken, transports, sent } = createFakeKraken({
      trading: PLAIN,
      silent: true,
    })
    const pending = kraken.request(order)
    await vi.waitFor(
      () => expect(sent('private')).toHaveLength(1),
      LOADED_MACHINE,
    )
    transports.private?.drop()
    await expect(pending).rejects.toBeInstanceOf(OutcomeUnknownError)
    await expect(pending).rejects.toMatchObject({
      reason: 'disconnected',
      clOrdId: 'my-order-1',
    })
    expect(
      sent('private').filter((frame) => frame.method === 'add_order'),
    ).toHaveLength(1)
    await kraken.stop()
  })

  test('error: no answer in time rejects with OutcomeUnknownError', async () => {
    vi.useFakeTimers()
    const { kraken } = createFakeKraken({
      trading: PLAIN,
      silent: true,
      requestTimeout: 1_000,
    })
    const pending = kraken.request(order)
    pending.catch(() => {})
    await vi.advanceTimersByTimeAsync(1_000)
    await expect(pending).rejects.toMatchObject({
      name: 'OutcomeUnknownError',
      reason: 'timeout',
    })
    await kraken.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  test('error: a request the socket cannot take is never sent', async () => {
    const { kraken, transports } = createFakeKraken({
      trading: PLAIN,
      respond: (frame) => [addOrderAck(frame)],
    })
    await kraken.request(order)
    transports.private?.drop({ reopen: false })
    const failure = kraken.request(order)
    await expect(failure).rejects.toBeInstanceOf(NotSentError)
    await expect(failure).rejects.toMatchObject({ code: 'disconnected' })
    await kraken.stop()
  })

  test('error: without credentials the request is refused before sending', async () => {
    const { kraken, sent } = createFakeKraken({
      trading: PLAIN,
      getToken: undefined,
    })
    await expect(kraken.request(order)).rejects.toMatchObject({
      name: 'NotSentError',
      code: 'refused',
    })
    expect(sent('private')).toEqual([])
    await kraken.stop()
  })

  test('behavior: cancel_order with several ids waits for every answer', async () => {
    const { kraken } = createFakeKraken({
      trading: PLAIN,
      respond: (frame) =>
        ['A', 'B'].map((id) => ({
          method: 'cancel_order',
          req_id: frame.req_id,
          result: { order_id: `O${id}` },
          success: true,
        })),
    })
    const ack = await kraken.request(
      CancelOrderRequest({ order_id: ['OA', 'OB'] }),
    )
    expect(ack.success).toBe(true)
    await kraken.stop()
  })
})
