import {
  AddOrderRequest,
  AmendOrderRequest,
  CancelOrderRequest,
  EditOrderRequest,
} from '@kraken-sockets/schema'
import { describe, expect, test } from 'vitest'
import type { TrackedOrder } from './executionReport.js'
import { type PrepareContext, prepareTradingRequest } from './prepareRequest.js'
import type { InstrumentPair } from './types.js'

const pair: InstrumentPair & { status: string } = {
  symbol: 'BTC/USD',
  status: 'online',
  price_increment: 0.1,
  qty_increment: 1e-8,
  qty_min: 0.0001,
  cost_min: 0.5,
}

const sell: TrackedOrder = { order_id: 'O1', symbol: 'BTC/USD', side: 'sell' }

const context = (overrides: Partial<PrepareContext> = {}): PrepareContext => ({
  round: true,
  pair: (symbol) => (symbol === 'BTC/USD' ? pair : undefined),
  systemStatus: 'online',
  order: (id) => (id === 'O1' ? sell : undefined),
  generateClOrdId: () => 'generated-1',
  ...overrides,
})

const add = AddOrderRequest({
  order_type: 'limit',
  side: 'buy',
  symbol: 'BTC/USD',
  order_qty: '0.123456789',
  limit_price: '26500.46',
})

describe('prepareTradingRequest', () => {
  test('default', () => {
    expect(prepareTradingRequest(add, context())).toEqual({
      ok: true,
      request: AddOrderRequest({
        order_type: 'limit',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.12345678',
        limit_price: '26500.4',
        cl_ord_id: 'generated-1',
      }),
    })
  })

  test('behavior: an amend rounds with the tracked order side (a sell rounds up)', () => {
    const result = prepareTradingRequest(
      AmendOrderRequest({
        order_id: 'O1',
        order_qty: '1',
        limit_price: '100.01',
      }),
      context(),
    )
    expect(result).toMatchObject({
      ok: true,
      request: { params: { limit_price: '100.1', order_qty: '1' } },
    })
  })

  test('behavior: a static stop-loss trigger price and display_qty are rounded', () => {
    const stop = AddOrderRequest({
      order_type: 'stop-loss-limit',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: '1',
      limit_price: '25000.01',
      display_qty: '0.123456789',
      triggers: { reference: 'last', price: '25100.01' },
    })
    expect(prepareTradingRequest(stop, context())).toMatchObject({
      ok: true,
      request: {
        params: {
          limit_price: '25000.1',
          display_qty: '0.12345678',
          triggers: { reference: 'last', price: '25100.1' },
        },
      },
    })
    const takeProfit = AddOrderRequest({
      order_type: 'take-profit',
      side: 'buy',
      symbol: 'BTC/USD',
      order_qty: '1',
      triggers: { price: '25100.09', price_type: 'static' },
    })
    expect(prepareTradingRequest(takeProfit, context())).toMatchObject({
      ok: true,
      request: {
        params: { triggers: { price: '25100', price_type: 'static' } },
      },
    })
  })

  test('behavior: offset and trailing trigger prices pass unchanged', () => {
    const pct = AddOrderRequest({
      order_type: 'stop-loss',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: '1',
      triggers: { price: '-2.55', price_type: 'pct' },
    })
    const trailing = AddOrderRequest({
      order_type: 'trailing-stop',
      side: 'sell',
      symbol: 'BTC/USD',
      order_qty: '1',
      triggers: { price: '1.55', price_type: 'quote' },
    })
    for (const request of [pct, trailing]) {
      const result = prepareTradingRequest(request, context())
      expect(result).toMatchObject({
        ok: true,
        request: { params: { triggers: request.params.triggers } },
      })
    }
  })

  test('behavior: an amend rounds trigger_price by the tracked order type', () => {
    const stopSell: TrackedOrder = {
      order_id: 'S1',
      symbol: 'BTC/USD',
      side: 'sell',
      order_type: 'stop-loss',
    }
    const ctx = context({
      order: (id) => (id === 'S1' ? stopSell : id === 'O1' ? sell : undefined),
    })
    expect(
      prepareTradingRequest(
        AmendOrderRequest({
          order_id: 'S1',
          order_qty: '1',
          trigger_price: '25100.01',
        }),
        ctx,
      ),
    ).toMatchObject({
      ok: true,
      request: { params: { trigger_price: '25100.1' } },
    })
    // A limit order's amend has no absolute trigger to round.
    expect(
      prepareTradingRequest(
        AmendOrderRequest({
          order_id: 'O1',
          order_qty: '1',
          trigger_price: '25100.01',
        }),
        ctx,
      ),
    ).toMatchObject({
      ok: true,
      request: { params: { trigger_price: '25100.01' } },
    })
  })

  test('error: a stop order whose trigger price rounds to zero is refused', () => {
    const result = prepareTradingRequest(
      AddOrderRequest({
        order_type: 'stop-loss',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '1',
        triggers: { price: '0.01' },
      }),
      context(),
    )
    expect(result).toMatchObject({ ok: false })
    expect(result.ok ? '' : result.reason).toMatch(
      /trigger_price 0\.01 rounds to zero/,
    )
  })

  test('behavior: an amend of an unknown order is sent as given', () => {
    const amend = AmendOrderRequest({
      order_id: 'OX',
      order_qty: '0.1234567891',
    })
    expect(prepareTradingRequest(amend, context())).toEqual({
      ok: true,
      request: amend,
    })
  })

  test('behavior: cancellations pass even in maintenance', () => {
    const cancel = CancelOrderRequest({ order_id: ['O1'] })
    expect(
      prepareTradingRequest(cancel, context({ systemStatus: 'maintenance' })),
    ).toEqual({ ok: true, request: cancel })
  })

  test('behavior: round: false keeps the values and still adds a cl_ord_id', () => {
    const result = prepareTradingRequest(add, context({ round: false }))
    expect(result).toMatchObject({
      ok: true,
      request: {
        params: { limit_price: '26500.46', cl_ord_id: 'generated-1' },
      },
    })
  })

  test('error: an edit for an unlisted pair is refused', () => {
    const edit = EditOrderRequest({
      order_id: 'O2',
      symbol: 'DOGE/USD',
      order_qty: '1',
    })
    expect(prepareTradingRequest(edit, context())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/lists no pair DOGE\/USD/),
    })
  })

  test('error: system maintenance refuses new orders', () => {
    expect(
      prepareTradingRequest(add, context({ systemStatus: 'maintenance' })),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/maintenance/) })
  })
})
