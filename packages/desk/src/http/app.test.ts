/**
 * The desk through real HTTP (node fetch on 127.0.0.1) against the
 * simulator: auth, Host/Origin, every route of the OpenAPI document, risk
 * refusals that send nothing, and idempotent retries.
 */
import * as v from 'valibot'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { balancesOperation, ordersOperation } from '../catalogue/account.js'
import { catalogue } from '../catalogue/catalogue.js'
import {
  bookOperation,
  statusOperation,
  subscribeOperation,
  tickersOperation,
  unsubscribeOperation,
} from '../catalogue/market.js'
import { ErrorBodySchema } from '../catalogue/schemas.js'
import {
  addConditionOperation,
  alertsOperation,
  conditionsOperation,
  indicatorsOperation,
  removeConditionOperation,
  trackIndicatorOperation,
} from '../catalogue/signals.js'
import {
  amendOrderOperation,
  batchAddOperation,
  cancelAllOperation,
  cancelOrderOperation,
  deadMansSwitchOperation,
  editOrderOperation,
  placeOrderOperation,
} from '../catalogue/trading.js'
import { startTestDesk, type TestDesk } from '../testing/testDesk.js'

let t: TestDesk

beforeAll(async () => {
  t = await startTestDesk({
    risk: { maxOrderNotional: 1_000, maxOrdersPerMinute: 100 },
  })
})

afterAll(async () => {
  await t?.close()
})

const ops = {
  status: statusOperation,
  subscribe: subscribeOperation,
  unsubscribe: unsubscribeOperation,
  book: bookOperation,
  tickers: tickersOperation,
  balances: balancesOperation,
  orders: ordersOperation,
  place_order: placeOrderOperation,
  amend_order: amendOrderOperation,
  edit_order: editOrderOperation,
  cancel_order: cancelOrderOperation,
  cancel_all: cancelAllOperation,
  batch_add: batchAddOperation,
  dead_mans_switch: deadMansSwitchOperation,
  indicators: indicatorsOperation,
  track_indicator: trackIndicatorOperation,
  conditions: conditionsOperation,
  add_condition: addConditionOperation,
  remove_condition: removeConditionOperation,
  alerts: alertsOperation,
}

/** Parses an answer against its operation's output schema (the one in the OpenAPI document). */
async function ok<K extends keyof typeof ops>(
  response: Response,
  name: K,
): Promise<v.InferOutput<(typeof ops)[K]['output']>> {
  const body: unknown = await response.json()
  expect(response.status, JSON.stringify(body)).toBe(200)
  return v.parse(ops[name].output, body) as v.InferOutput<
    (typeof ops)[K]['output']
  >
}

async function failure(response: Response) {
  return v.parse(ErrorBodySchema, await response.json()).error
}

/** A price near the verified mid, on the increments of BTC/USD. */
async function nearMid(offset: number) {
  const book = await ok(await t.call('/book?symbol=BTC/USD'), 'book')
  expect(book.mid).not.toBeNull()
  return ((book.mid ?? 0) * (1 + offset)).toFixed(1)
}

const addOrders = () =>
  t.simulator.stats.requests({ method: 'add_order' }).length

describe('security', () => {
  test('behavior: GET /health needs no token', async () => {
    const response = await t.call('/health', { token: null })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true })
  })

  test('error: no token, a wrong token, a malformed header get 401', async () => {
    for (const path of [
      '/status',
      '/openapi.json',
      '/orders',
      '/events',
      '/reference',
    ]) {
      const none = await t.call(path, { token: null })
      expect(none.status).toBe(401)
      expect((await failure(none)).kind).toBe('unauthorized')
      const wrong = await t.call(path, { token: 'x'.repeat(43) })
      expect(wrong.status).toBe(401)
      await wrong.body?.cancel()
    }
    const basic = await t.call('/status', {
      token: null,
      headers: { Authorization: `Basic ${t.tokens.trade}` },
    })
    expect(basic.status).toBe(401)
    await basic.body?.cancel()
  })

  test('error: a foreign Origin or Host gets 403, even with a valid token', async () => {
    const origin = await t.call('/status', {
      headers: { Origin: 'http://evil.example' },
    })
    expect(origin.status).toBe(403)
    expect((await failure(origin)).kind).toBe('forbidden')
    const sameHostOtherPort = await t.call('/status', {
      headers: { Origin: 'http://127.0.0.1:1' },
    })
    expect(sameHostOtherPort.status).toBe(403)
    await sameHostOtherPort.body?.cancel()
    // DNS rebinding: the attacker's name resolves to 127.0.0.1, the Host header keeps the name.
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${t.running.url}/health`,
        { headers: { Host: `evil.example:${t.running.port}` } },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
    const own = await t.call('/status', { headers: { Origin: t.running.url } })
    expect(own.status).toBe(200)
    await own.body?.cancel()
  })

  test('error: the read token cannot trade', async () => {
    const before = addOrders()
    const response = await t.call('/orders', {
      method: 'POST',
      token: t.tokens.read,
      body: JSON.stringify({
        symbol: 'BTC/USD',
        side: 'buy',
        order_type: 'market',
        order_qty: '0.0001',
      }),
    })
    expect(response.status).toBe(401)
    expect(addOrders()).toBe(before)
    const read = await t.call('/status', { token: t.tokens.read })
    expect(read.status).toBe(200)
    await read.body?.cancel()
  })

  test('behavior: the token file has mode 0600', async () => {
    const { stat } = await import('node:fs/promises')
    expect((await stat(t.running.tokenFile)).mode & 0o777).toBe(0o600)
  })

  test('behavior: /login sets a read-only cookie for GET pages', async () => {
    const login = await t.call(`/login?token=${t.tokens.read}`, {
      token: null,
      redirect: 'manual',
    })
    expect(login.status).toBe(303)
    const cookie = login.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    const pair = cookie.split(';')[0] ?? ''
    const page = await t.call('/reference', {
      token: null,
      headers: { Cookie: pair },
    })
    expect(page.status).toBe(200)
    await page.body?.cancel()
    const trade = await t.call('/orders/cancel-all', {
      method: 'POST',
      token: null,
      headers: { Cookie: pair },
    })
    expect(trade.status).toBe(401)
    await trade.body?.cancel()
    const bad = await t.call('/login?token=nope', {
      token: null,
      redirect: 'manual',
    })
    expect(bad.status).toBe(401)
    await bad.body?.cancel()
  })
})

describe('OpenAPI', () => {
  test('default: every catalogue operation and fixed route is documented', async () => {
    const response = await t.call('/openapi.json')
    const document = (await response.json()) as {
      openapi: string
      paths: Record<string, Record<string, { operationId: string }>>
    }
    expect(document.openapi).toBe('3.1.0')
    const ids = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((op) => op.operationId),
    )
    expect(ids.sort()).toEqual(
      [
        ...catalogue.map((op) => op.name),
        'health',
        'events',
        'openapi',
        'reference',
        'login',
        'dashboard',
      ].sort(),
    )
    // Every documented route is exercised by a test (the dashboard's in dashboard.browser.test.ts).
    expect(new Set(ids)).toEqual(new Set([...TESTED, 'dashboard']))
  })

  test('default: the reference page lists every operation', async () => {
    const response = await t.call('/reference')
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    const html = await response.text()
    for (const op of catalogue) expect(html).toContain(`id="${op.name}"`)
  })
})

/** Operation ids covered by the tests below (checked against the document above). */
const TESTED = [
  'health',
  'openapi',
  'reference',
  'login',
  'events',
  'status',
  'subscribe',
  'unsubscribe',
  'book',
  'tickers',
  'balances',
  'orders',
  'place_order',
  'amend_order',
  'edit_order',
  'cancel_order',
  'cancel_all',
  'batch_add',
  'dead_mans_switch',
  'indicators',
  'track_indicator',
  'conditions',
  'add_condition',
  'remove_condition',
  'alerts',
]

describe('market and account routes', () => {
  test('default: status', async () => {
    const status = await ok(await t.call('/status'), 'status')
    expect(status.mode).toBe('paper')
    expect(status.risk.symbols).toEqual(['BTC/USD', 'ETH/USD'])
    expect(status.books.map((b) => b.in_sync)).toEqual([true, true])
  })

  test('default: book, tickers, balances', async () => {
    const book = await ok(await t.call('/book?symbol=BTC/USD&levels=3'), 'book')
    expect(book.bids).toHaveLength(3)
    expect(book.bids[0]?.price ?? 0).toBeLessThan(book.asks[0]?.price ?? 0)
    const missing = await t.call('/book?symbol=SOL/USD')
    expect(missing.status).toBe(404)
    await missing.body?.cancel()
    await vi.waitFor(async () => {
      const { tickers } = await ok(await t.call('/tickers'), 'tickers')
      expect(Object.keys(tickers).sort()).toEqual(['BTC/USD', 'ETH/USD'])
    })
    await vi.waitFor(async () => {
      const { balances } = await ok(await t.call('/balances'), 'balances')
      expect(balances.map((b) => b.asset)).toContain('USD')
    })
  })

  test('default: subscribe and unsubscribe', async () => {
    const input = JSON.stringify({ channel: 'ticker', symbols: ['SOL/USD'] })
    const sub = await ok(
      await t.call('/subscribe', { method: 'POST', body: input }),
      'subscribe',
    )
    expect(sub.acks).toEqual([{ symbol: 'SOL/USD', success: true }])
    const unsub = await ok(
      await t.call('/unsubscribe', { method: 'POST', body: input }),
      'unsubscribe',
    )
    expect(unsub.acks).toEqual([{ symbol: 'SOL/USD', success: true }])
    const bad = await t.call('/subscribe', {
      method: 'POST',
      body: JSON.stringify({ channel: 'nope', symbols: [] }),
    })
    expect(bad.status).toBe(400)
    expect((await failure(bad)).kind).toBe('invalid_input')
  })
})

describe('orders', () => {
  test('default: place, list, amend, edit, cancel', async () => {
    const price = await nearMid(-0.02)
    const placed = await ok(
      await t.call('/orders', {
        method: 'POST',
        body: JSON.stringify({
          symbol: 'BTC/USD',
          side: 'buy',
          order_type: 'limit',
          order_qty: '0.001',
          limit_price: price,
        }),
      }),
      'place_order',
    )
    expect(placed.mode).toBe('paper')
    const orderId = placed.result.order_id ?? ''
    expect(orderId).not.toBe('')
    await vi.waitFor(async () => {
      const { orders } = await ok(await t.call('/orders'), 'orders')
      expect(orders.map((o) => o.order_id)).toContain(orderId)
    })
    const amended = await ok(
      await t.call('/orders/amend', {
        method: 'POST',
        body: JSON.stringify({ order_id: orderId, order_qty: '0.002' }),
      }),
      'amend_order',
    )
    expect(amended.result.amend_id).toEqual(expect.any(String))
    await vi.waitFor(async () => {
      const { orders } = await ok(await t.call('/orders'), 'orders')
      expect(orders.find((o) => o.order_id === orderId)?.order_qty).toBe(0.002)
    })
    const edited = await ok(
      await t.call('/orders/edit', {
        method: 'POST',
        body: JSON.stringify({
          order_id: orderId,
          symbol: 'BTC/USD',
          order_qty: '0.003',
        }),
      }),
      'edit_order',
    )
    expect(edited.result.original_order_id).toBe(orderId)
    const newId = edited.result.order_id
    await vi.waitFor(async () => {
      const { orders } = await ok(await t.call('/orders'), 'orders')
      expect(orders.map((o) => o.order_id)).toContain(newId)
    })
    const cancelled = await ok(
      await t.call('/orders/cancel', {
        method: 'POST',
        body: JSON.stringify({ order_id: [newId] }),
      }),
      'cancel_order',
    )
    expect(cancelled.result.order_id).toBe(newId)
  })

  test('error: an order over the notional cap is refused before anything is sent', async () => {
    const before = addOrders()
    const response = await t.call('/orders', {
      method: 'POST',
      body: JSON.stringify({
        symbol: 'BTC/USD',
        side: 'buy',
        order_type: 'limit',
        order_qty: '1',
        limit_price: await nearMid(-0.01),
      }),
    })
    expect(response.status).toBe(422)
    const error = await failure(response)
    expect(error).toMatchObject({
      kind: 'risk_refused',
      rule: 'max_order_notional',
    })
    expect(addOrders()).toBe(before)
  })

  test('error: the allow-list and the price band refuse before sending', async () => {
    const before = addOrders()
    const symbol = await t.call('/orders', {
      method: 'POST',
      body: JSON.stringify({
        symbol: 'SOL/USD',
        side: 'buy',
        order_type: 'market',
        order_qty: '0.1',
      }),
    })
    expect(await failure(symbol)).toMatchObject({
      kind: 'risk_refused',
      rule: 'symbol_allow_list',
    })
    const band = await t.call('/orders', {
      method: 'POST',
      body: JSON.stringify({
        symbol: 'BTC/USD',
        side: 'buy',
        order_type: 'limit',
        order_qty: '0.0001',
        limit_price: await nearMid(-0.2),
      }),
    })
    expect(await failure(band)).toMatchObject({
      kind: 'risk_refused',
      rule: 'price_band',
    })
    expect(addOrders()).toBe(before)
  })

  test('error: Kraken rejects (typed, nothing placed)', async () => {
    // Far below the pair's minimum size: the runtime refuses locally (not_sent) or Kraken rejects.
    const response = await t.call('/orders', {
      method: 'POST',
      body: JSON.stringify({
        symbol: 'BTC/USD',
        side: 'buy',
        order_type: 'limit',
        order_qty: '0.00000001',
        limit_price: await nearMid(-0.01),
      }),
    })
    const error = await failure(response)
    expect(['not_sent', 'rejected']).toContain(error.kind)
    expect(response.status).toBe(error.kind === 'not_sent' ? 503 : 422)
  })

  test('behavior: an idempotent retry places once', async () => {
    const before = addOrders()
    const body = JSON.stringify({
      symbol: 'BTC/USD',
      side: 'buy',
      order_type: 'limit',
      order_qty: '0.001',
      limit_price: await nearMid(-0.03),
    })
    const headers = { 'Idempotency-Key': 'retry-test-1' }
    const [first, second] = await Promise.all([
      t.call('/orders', { method: 'POST', body, headers }),
      t.call('/orders', { method: 'POST', body, headers }),
    ])
    const third = await t.call('/orders', { method: 'POST', body, headers })
    const acks = [
      await ok(first, 'place_order'),
      await ok(second, 'place_order'),
      await ok(third, 'place_order'),
    ]
    expect(new Set(acks.map((a) => a.result.order_id)).size).toBe(1)
    expect(new Set(acks.map((a) => a.result.cl_ord_id)).size).toBe(1)
    expect(addOrders()).toBe(before + 1)
  })

  test('default: batch, then cancel all', async () => {
    const body = JSON.stringify({
      symbol: 'BTC/USD',
      orders: [
        {
          side: 'buy',
          order_type: 'limit',
          order_qty: '0.001',
          limit_price: await nearMid(-0.02),
        },
        {
          side: 'sell',
          order_type: 'limit',
          order_qty: '0.001',
          limit_price: await nearMid(0.02),
        },
      ],
    })
    const batch = await ok(
      await t.call('/orders/batch', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': 'batch-1' },
      }),
      'batch_add',
    )
    expect(batch.result).toHaveLength(2)
    const again = await ok(
      await t.call('/orders/batch', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': 'batch-1' },
      }),
      'batch_add',
    )
    expect(again.result).toEqual(batch.result)
    const all = await ok(
      await t.call('/orders/cancel-all', { method: 'POST' }),
      'cancel_all',
    )
    expect(all.result.count).toBeGreaterThanOrEqual(2)
  })

  test("default: the dead man's switch arms and disarms", async () => {
    const armed = await ok(
      await t.call('/dead-mans-switch', {
        method: 'POST',
        body: '{"timeout":60}',
      }),
      'dead_mans_switch',
    )
    expect(armed.result.triggerTime).not.toBe('0')
    const off = await ok(
      await t.call('/dead-mans-switch', {
        method: 'POST',
        body: '{"timeout":0}',
      }),
      'dead_mans_switch',
    )
    expect(off.result.triggerTime).toBe('0')
  })
})

describe('indicators, conditions, alerts', () => {
  test('default: an alert fires on a ticker condition', async () => {
    const tracked = await ok(
      await t.call('/indicators', {
        method: 'POST',
        body: JSON.stringify({
          name: 'btc-sma3',
          symbol: 'BTC/USD',
          indicator: 'sma',
          period: 3,
        }),
      }),
      'track_indicator',
    )
    expect(tracked.name).toBe('btc-sma3')
    await vi.waitFor(async () => {
      const { series } = await ok(await t.call('/indicators'), 'indicators')
      expect(series['BTC/USD:last']).toEqual(expect.any(Number))
      expect(series['BTC/USD:book']).toMatchObject({ mid: expect.any(Number) })
    })
    const added = await ok(
      await t.call('/conditions', {
        method: 'POST',
        body: JSON.stringify({
          id: 'always',
          on: 'BTC/USD:book.mid',
          op: 'gt',
          value: 1,
        }),
      }),
      'add_condition',
    )
    expect(added.definition.id).toBe('always')
    await vi.waitFor(async () => {
      const { alerts } = await ok(await t.call('/alerts'), 'alerts')
      expect(alerts.map((a) => a.conditionId)).toContain('always')
    })
    const { conditions } = await ok(await t.call('/conditions'), 'conditions')
    expect(conditions[0]?.status?.firedCount).toBeGreaterThanOrEqual(1)
    const removed = await ok(
      await t.call('/conditions/remove', {
        method: 'POST',
        body: '{"id":"always"}',
      }),
      'remove_condition',
    )
    expect(removed.removed).toBe(true)
    const gone = await t.call('/conditions/remove', {
      method: 'POST',
      body: '{"id":"always"}',
    })
    expect(gone.status).toBe(404)
    await gone.body?.cancel()
  })
})

describe('events', () => {
  /** Reads SSE frames until `until` says stop. */
  async function readEvents(
    response: Response,
    until: (events: { id?: string; event?: string; data: string }[]) => boolean,
  ) {
    const reader = response.body?.getReader()
    if (reader === undefined) throw new Error('no body')
    const decoder = new TextDecoder()
    let buffer = ''
    const events: { id?: string; event?: string; data: string }[] = []
    while (!until(events)) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event: { id?: string; event?: string; data: string } = {
          data: '',
        }
        for (const line of frame.split('\n')) {
          const [field, ...rest] = line.split(': ')
          const text = rest.join(': ')
          if (field === 'id') event.id = text
          else if (field === 'event') event.event = text
          else if (field === 'data') event.data += text
        }
        events.push(event)
        end = buffer.indexOf('\n\n')
      }
    }
    await reader.cancel()
    return events
  }

  test('default: tickers and book tops stream, and Last-Event-ID resumes', async () => {
    const first = await readEvents(
      await t.call('/events?kinds=ticker,book_top'),
      (events) => events.filter((e) => e.id !== undefined).length >= 3,
    )
    expect(first[0]?.event).toBe('hello')
    const kinds = new Set(first.slice(1).map((e) => e.event))
    for (const kind of kinds) expect(['ticker', 'book_top']).toContain(kind)
    const lastId = Number(first.at(-1)?.id)
    const resumed = await readEvents(
      await t.call('/events', { headers: { 'Last-Event-ID': String(lastId) } }),
      (events) => events.length >= 2,
    )
    expect(Number(resumed[0]?.id)).toBe(lastId + 1)
    expect(Number(resumed[1]?.id)).toBe(lastId + 2)
  })

  test('behavior: a client too far behind is told so', async () => {
    // Fill the replay buffer (1000 events) past the first events.
    for (let i = 0; i < 1_100; i += 1)
      t.running.desk.events.push('alert', { filler: i })
    const gap = await readEvents(
      await t.call('/events', { headers: { 'Last-Event-ID': '1' } }),
      (events) => events.length >= 2,
    )
    expect(gap[0]?.event).toBe('gap')
    const { missed_from, missed_to } = JSON.parse(gap[0]?.data ?? '{}') as {
      missed_from: number
      missed_to: number
    }
    expect(missed_from).toBe(2)
    // The next event delivered is the oldest still held.
    expect(Number(gap[1]?.id)).toBe(missed_to + 1)
  })
})
