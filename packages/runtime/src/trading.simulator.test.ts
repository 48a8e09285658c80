/**
 * Trading against the simulator: a real Kraken v2 server on loopback with a
 * matching engine, signed `GetWebSocketsToken`, token-checked private socket,
 * executions and balances with `sequence`, a rate counter and the dead man's
 * switch.
 */
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '@kraken-sockets/simulator'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { WebSocket } from 'ws'
import {
  AddOrderRequest,
  AmendOrderRequest,
  BalancesSubscriptionRequest,
  BatchAddRequest,
  BatchCancelRequest,
  CancelAllOrdersAfterRequest,
  CancelAllRequest,
  CancelOrderRequest,
  EditOrderRequest,
  type GapEvent,
  KrakenRejectedError,
  KrakenWebSocketAPI,
  type KrakenWebSocketAPIOptions,
  NotSentError,
} from './index.js'
import type { OrderEvent } from './trading/orderTrackerTypes.js'

/** vi.waitFor's own limit is 1 s of real time, too short on a loaded machine. */
const LOADED_MACHINE = { timeout: 120_000 }

const open: { simulators: Simulator[]; clients: KrakenWebSocketAPI[] } = {
  simulators: [],
  clients: [],
}

afterEach(async () => {
  await Promise.all(open.clients.splice(0).map((client) => client.stop()))
  await Promise.all(open.simulators.splice(0).map((sim) => sim.close()))
})

async function setup(
  options: KrakenWebSocketAPIOptions = {},
  simulatorOptions: SimulatorOptions = {},
) {
  const simulator = await startSimulator({ rate: 0, ...simulatorOptions })
  open.simulators.push(simulator)
  const kraken = new KrakenWebSocketAPI({
    publicUrl: simulator.publicUrl,
    privateUrl: simulator.privateUrl,
    level3Url: simulator.level3Url,
    restUrl: simulator.restUrl,
    apiKey: DEFAULT_TEST_CREDENTIALS.apiKey,
    privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
    WebSocket,
    logger: false,
    reconnect: { initialDelay: 10, maxDelay: 20 },
    ...options,
  })
  open.clients.push(kraken)
  const orderEvents: OrderEvent[] = []
  kraken.on('order', (event) => {
    orderEvents.push(event)
  })
  return { simulator, kraken, orderEvents }
}

/** A limit buy of BTC/USD far below the simulated market (about 65 000). */
const restingBuy = (limit_price = '50000', order_qty = '0.01') =>
  AddOrderRequest({
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty,
    limit_price,
  })

describe('trading against the simulator', () => {
  test('default', async () => {
    const { kraken } = await setup()
    const added = await kraken.request(restingBuy())
    const orderId = String(added.result?.order_id)
    expect(added.result?.cl_ord_id).toMatch(/^[0-9a-f-]{36}$/)
    await vi.waitFor(
      () => expect(kraken.orders.has(orderId)).toBe(true),
      LOADED_MACHINE,
    )

    const amended = await kraken.request(
      AmendOrderRequest({ order_id: orderId, order_qty: '0.02' }),
    )
    expect(amended.result?.amend_id).toEqual(expect.any(String))
    await vi.waitFor(
      () => expect(kraken.orders.get(orderId)?.order_qty).toBe(0.02),
      LOADED_MACHINE,
    )

    const edited = await kraken.request(
      EditOrderRequest({
        order_id: orderId,
        symbol: 'BTC/USD',
        order_qty: '0.03',
      }),
    )
    const editedId = String(edited.result?.order_id)
    expect(edited.result?.original_order_id).toBe(orderId)

    const cancelled = await kraken.request(
      CancelOrderRequest({ order_id: [editedId] }),
    )
    expect(cancelled.result?.order_id).toBe(editedId)

    const batch = await kraken.request(
      BatchAddRequest({
        symbol: 'BTC/USD',
        orders: [
          {
            order_type: 'limit',
            side: 'buy',
            order_qty: '0.01',
            limit_price: '49000',
          },
          {
            order_type: 'limit',
            side: 'sell',
            order_qty: '0.01',
            limit_price: '90000',
          },
        ],
      }),
    )
    const ids = (batch.result ?? []).map((item) => String(item.order_id))
    expect(ids).toHaveLength(2)
    const batchCancel = await kraken.request(
      BatchCancelRequest({ orders: ids }),
    )
    expect(batchCancel.success).toBe(true)

    await kraken.request(restingBuy('49500'))
    const all = await kraken.request(CancelAllRequest())
    expect(all.result?.count).toBe(1)
    const deadMan = await kraken.request(
      CancelAllOrdersAfterRequest({ timeout: 60 }),
    )
    expect(deadMan.result?.triggerTime).toEqual(expect.any(String))
    await vi.waitFor(() => expect(kraken.orders.size).toBe(0), LOADED_MACHINE)
  })

  test('error: Kraken refusing an order rejects with KrakenRejectedError', async () => {
    const { kraken } = await setup()
    // 1 000 BTC at 50 000 is far beyond the account's 1 000 000 USD.
    const failure = kraken.request(restingBuy('50000', '1000'))
    await expect(failure).rejects.toBeInstanceOf(KrakenRejectedError)
    await expect(failure).rejects.toMatchObject({
      error: 'EOrder:Insufficient funds',
      prefix: 'EOrder',
    })
  })

  test('error: an order below qty_min never reaches the simulator', async () => {
    const { kraken, simulator } = await setup()
    const failure = kraken.request(restingBuy('50000', '0.00001'))
    await expect(failure).rejects.toBeInstanceOf(NotSentError)
    await expect(failure).rejects.toThrow(/below qty_min/)
    expect(simulator.stats.requests({ method: 'add_order' })).toEqual([])
  })

  test('behavior: a validate-only order resolves with its ack and places nothing', async () => {
    const { kraken, simulator } = await setup()
    const ack = await kraken.request(
      AddOrderRequest({
        order_type: 'limit',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.01',
        limit_price: '50000',
        validate: true,
      }),
    )
    expect(ack.success).toBe(true)
    expect(ack.result?.order_id).toBeUndefined()
    expect(simulator.stats.requests({ method: 'add_order' })).toHaveLength(1)
    expect(kraken.orders.size).toBe(0)
  })

  test('behavior: a market order is tracked through its fills to filled', async () => {
    const { kraken } = await setup()
    const ack = await kraken.request(
      AddOrderRequest({
        order_type: 'market',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.5',
      }),
    )
    const handle = kraken.order(String(ack.result?.cl_ord_id))
    const outcome = await handle.filled
    expect(outcome.status).toBe('filled')
    const fills = []
    for await (const fill of handle.fills()) fills.push(fill)
    expect(fills.length).toBeGreaterThan(0)
    const total = fills.reduce((sum, fill) => sum + (fill.last_qty ?? 0), 0)
    expect(total).toBeCloseTo(0.5, 8)
    expect(kraken.orders.size).toBe(0)
  })

  test('behavior: a drop between send and ack is OutcomeUnknownError, settled missing by the snapshot after the reconnect once its grace has passed', async () => {
    const { kraken, simulator, orderEvents } = await setup({
      requestTimeout: 5_000,
      trading: { outcomeGrace: 200 },
    })
    const resting = await kraken.request(restingBuy('49000'))
    // The simulator holds the request unprocessed; the socket then drops:
    // Kraken never placed the order, which only the next snapshot can tell.
    simulator.inject({ type: 'delayAcks', ms: 60_000 })
    const pending = kraken.request(restingBuy())
    await vi.waitFor(
      () =>
        expect(simulator.stats.requests({ method: 'add_order' })).toHaveLength(
          2,
        ),
      LOADED_MACHINE,
    )
    simulator.inject({ type: 'drop' })
    const error = await pending.then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toMatchObject({
      name: 'OutcomeUnknownError',
      reason: 'disconnected',
    })
    // Lasting faults apply to new connections too: answer them at once.
    simulator.inject({ type: 'delayAcks', ms: 0 })
    const clOrdId = (error as { clOrdId: string }).clOrdId
    const handle = kraken.order(clOrdId)
    await expect(handle.done).resolves.toMatchObject({ status: 'missing' })
    expect(orderEvents).toContainEqual({ type: 'missing', cl_ord_id: clOrdId })
    // The order placed before the drop is still open, reconciled from the snapshot.
    expect([...kraken.orders.keys()]).toEqual([resting.result?.order_id])
    expect(kraken.stats().reconnects.private).toBe(1)
    expect(simulator.stats.requests({ method: 'add_order' })).toHaveLength(2)
  })

  test('behavior: an add whose ack is lost, still in flight when a fresh snapshot arrives, is never reported missing and resolves when it appears', async () => {
    const { kraken, simulator, orderEvents } = await setup({
      requestTimeout: 3_000,
      trading: { outcomeGrace: 60_000 },
    })
    const resting = await kraken.request(restingBuy('49000'))
    // Kraken processes the add only after the client gave up waiting.
    simulator.inject({
      type: 'delayAcks',
      method: 'add_order',
      ms: 6_000,
      hold: 'both',
    })
    const error = await kraken.request(restingBuy()).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(error).toMatchObject({
      name: 'OutcomeUnknownError',
      reason: 'timeout',
    })
    const clOrdId = (error as { clOrdId: string }).clOrdId
    const handle = kraken.order(clOrdId)
    // A lost executions frame makes the client resubscribe: a fresh snapshot
    // arrives while the add is still held, and does not list it.
    const snapshotsBefore = simulator.stats.subscribes('executions')
    simulator.inject({ type: 'skipSequence' })
    await kraken.request(
      CancelOrderRequest({ order_id: [String(resting.result?.order_id)] }),
    )
    await vi.waitFor(
      () =>
        expect(simulator.stats.subscribes('executions')).toBeGreaterThan(
          snapshotsBefore,
        ),
      LOADED_MACHINE,
    )
    // Then Kraken places it: the client hears of it and corrects nothing.
    await vi.waitFor(
      () =>
        expect(orderEvents).toContainEqual(
          expect.objectContaining({ type: 'resolved', cl_ord_id: clOrdId }),
        ),
      LOADED_MACHINE,
    )
    expect(orderEvents).not.toContainEqual({
      type: 'missing',
      cl_ord_id: clOrdId,
    })
    expect(handle.order?.cl_ord_id).toBe(clOrdId)
    const orderId = String(handle.order?.order_id)
    expect(kraken.orders.has(orderId)).toBe(true)
    simulator.inject({ type: 'delayAcks', ms: 0 })
  })

  test('behavior: after its grace, a lost add is looked up by REST: resolved when Kraken holds it, missing when not', async () => {
    // No executions feed: only REST can tell what became of the adds.
    const { kraken, simulator, orderEvents } = await setup({
      requestTimeout: 2_000,
      trading: { track: false, round: false, outcomeGrace: 200 },
    })
    simulator.inject({ type: 'dropAnswers', method: 'add_order' })
    const lost = await kraken.request(restingBuy()).then(
      () => undefined,
      (reason: unknown) => reason as { clOrdId: string },
    )
    expect(lost).toMatchObject({ name: 'OutcomeUnknownError' })
    await vi.waitFor(
      () =>
        expect(orderEvents).toContainEqual(
          expect.objectContaining({
            type: 'resolved',
            cl_ord_id: lost?.clOrdId,
          }),
        ),
      LOADED_MACHINE,
    )
    simulator.inject({
      type: 'delayAcks',
      method: 'add_order',
      ms: 60_000,
      hold: 'both',
    })
    const held = await kraken.request(restingBuy('48000')).then(
      () => undefined,
      (reason: unknown) => reason as { clOrdId: string },
    )
    expect(held).toMatchObject({ name: 'OutcomeUnknownError' })
    await vi.waitFor(
      () =>
        expect(orderEvents).toContainEqual({
          type: 'missing',
          cl_ord_id: held?.clOrdId,
        }),
      LOADED_MACHINE,
    )
    simulator.inject({ type: 'delayAcks', ms: 0 })
  })

  test('behavior: a lost add placed with only order_userref is confirmed by REST userref: resolved when Kraken holds it, missing only after the grace when not', async () => {
    const grace = 1_500
    // No executions feed: only REST can tell what became of the adds.
    const { kraken, simulator, orderEvents } = await setup({
      requestTimeout: 2_000,
      trading: { track: false, round: false, outcomeGrace: grace },
    })
    const tagged = (limit_price: string, order_userref: number) =>
      AddOrderRequest({
        order_type: 'limit',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.01',
        limit_price,
        order_userref,
      })
    simulator.inject({ type: 'dropAnswers', method: 'add_order' })
    const lost = await kraken.request(tagged('50000', 4242)).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    expect(lost).toMatchObject({ name: 'OutcomeUnknownError' })
    await vi.waitFor(
      () =>
        expect(orderEvents).toContainEqual(
          expect.objectContaining({
            type: 'resolved',
            cl_ord_id: '',
            order_userref: 4242,
          }),
        ),
      LOADED_MACHINE,
    )
    const resolved = orderEvents.find((e) => e.type === 'resolved')
    const { bids } = simulator.exchange.restingOrders('BTC/USD')
    expect(bids).toHaveLength(1)
    expect(resolved).toMatchObject({ order: { order_id: bids[0]?.order_id } })
    expect(orderEvents.some((e) => e.type === 'missing')).toBe(false)

    // Kraken never receives this one before the client gives up on it.
    let missingAt: number | undefined
    kraken.on('order', (event) => {
      if (event.type === 'missing') missingAt ??= Date.now()
    })
    simulator.inject({
      type: 'delayAcks',
      method: 'add_order',
      ms: 60_000,
      hold: 'both',
    })
    const unsent = await kraken.request(tagged('48000', 5151)).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    const failedAt = Date.now()
    expect(unsent).toMatchObject({ name: 'OutcomeUnknownError' })
    expect(orderEvents.some((e) => e.type === 'missing')).toBe(false)
    await vi.waitFor(
      () =>
        expect(orderEvents).toContainEqual({
          type: 'missing',
          cl_ord_id: '',
          order_userref: 5151,
        }),
      LOADED_MACHINE,
    )
    // The deadline had passed at failedAt: missing waited out the grace too.
    expect(Number(missingAt) - failedAt).toBeGreaterThanOrEqual(grace - 50)
    expect(simulator.exchange.restingOrders('BTC/USD').bids).toHaveLength(1)
    simulator.inject({ type: 'delayAcks', ms: 0 })
  })

  test('behavior: a lost add placed with only order_userref whose order streamed in is never reported missing', async () => {
    const grace = 500
    const { kraken, simulator, orderEvents } = await setup({
      requestTimeout: 2_000,
      trading: { outcomeGrace: grace },
    })
    await kraken.request(restingBuy('49000'))
    simulator.inject({ type: 'dropAnswers', method: 'add_order' })
    const lost = await kraken
      .request(
        AddOrderRequest({
          order_type: 'limit',
          side: 'buy',
          symbol: 'BTC/USD',
          order_qty: '0.01',
          limit_price: '48000',
          order_userref: 777,
        }),
      )
      .then(
        () => undefined,
        (reason: unknown) => reason,
      )
    expect(lost).toMatchObject({ name: 'OutcomeUnknownError' })
    // Past the deadline's grace and a REST look-up's worth of time.
    await new Promise((resolve) => setTimeout(resolve, grace + 3_000))
    expect(orderEvents.filter((e) => e.type === 'missing')).toEqual([])
    const tagged = [...kraken.orders.values()].filter(
      (order) => order.order_userref === 777,
    )
    expect(tagged).toHaveLength(1)
  })

  test('behavior: executions and balances share the sequence without false gaps', async () => {
    const { kraken } = await setup()
    const gaps: GapEvent[] = []
    kraken.on('gap', (gap) => {
      gaps.push(gap)
    })
    await kraken.subscribe(BalancesSubscriptionRequest())
    const ack = await kraken.request(
      AddOrderRequest({
        order_type: 'market',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.01',
      }),
    )
    await kraken.order(String(ack.result?.cl_ord_id)).filled
    await kraken.request(restingBuy())
    expect(gaps.filter((gap) => gap.source === 'sequence')).toEqual([])
  })

  test('behavior: a lost private frame is a sequence gap, and the channel is resubscribed', async () => {
    const { kraken, simulator } = await setup()
    const gaps: GapEvent[] = []
    kraken.on('gap', (gap) => {
      gaps.push(gap)
    })
    await kraken.request(restingBuy())
    const before = simulator.stats.subscribes('executions')
    simulator.inject({ type: 'skipSequence' })
    await kraken.request(restingBuy('49000'))
    await vi.waitFor(
      () =>
        expect(gaps.filter((gap) => gap.source === 'sequence')).toEqual([
          expect.objectContaining({ channel: 'executions', missed: 1 }),
        ]),
      LOADED_MACHINE,
    )
    // A fresh snapshot is asked for: the executions channel is subscribed again.
    await vi.waitFor(
      () => expect(simulator.stats.subscribes('executions')).toBe(before + 1),
      LOADED_MACHINE,
    )
  })

  test('error: the rate counter refuses before the simulator would', async () => {
    const { kraken, simulator } = await setup({
      trading: { rateCounter: { mode: 'refuse' } },
    })
    // Starter tier: threshold 60. Each add (+1) and quick cancel (+8) costs 9.
    let refused: unknown
    let refusedAt = 0
    for (let cycle = 0; cycle < 10 && refused === undefined; cycle++) {
      try {
        const ack = await kraken.request(restingBuy())
        const id = String(ack.result?.order_id)
        await vi.waitFor(
          () => expect(kraken.orders.has(id)).toBe(true),
          LOADED_MACHINE,
        )
        await kraken.request(CancelOrderRequest({ order_id: [id] }))
      } catch (error) {
        refused = error
        refusedAt = Date.now()
      }
    }
    expect(refused).toBeInstanceOf(NotSentError)
    expect(refused).toMatchObject({ code: 'rate_limited' })
    const rejected = simulator.stats
      .requests({ method: 'cancel_order' })
      .concat(simulator.stats.requests({ method: 'add_order' }))
    // Six full cycles (54) and the seventh add (55) went out; its cancel (63)
    // did not. The counter decays 1 per second of real time, so a slow
    // (loaded) machine may fit another cycle or two before the refusal.
    const adds = simulator.stats.requests({ method: 'add_order' }).length
    const cancels = simulator.stats.requests({ method: 'cancel_order' }).length
    expect(adds).toBeGreaterThanOrEqual(7)
    // Usually a cancel is refused (adds - 1 cancels); with decay, rarely an add.
    expect([adds - 1, adds]).toContain(cancels)
    expect(rejected.length).toBe(adds + cancels)
    // Above 60 - 8 when refused (at least the cancel would have crossed 60),
    // less the decay since.
    const decayed = Math.ceil((Date.now() - refusedAt) / 1_000)
    expect(kraken.rateCounter?.count('BTC/USD')).toBeGreaterThan(52 - decayed)
  })

  test("behavior: the dead man's switch cancels in the simulator when refreshes stop", async () => {
    let time = Date.now()
    const timers = new Set<{ at: number; run: () => void }>()
    const scheduler = {
      setTimeout: (run: () => void, ms: number) => {
        const timer = { at: time + ms, run }
        timers.add(timer)
        return timer
      },
      clearTimeout: (handle: unknown) => {
        timers.delete(handle as { at: number; run: () => void })
      },
    }
    const { kraken, simulator } = await setup(
      {},
      { now: () => time, scheduler },
    )
    const ack = await kraken.request(restingBuy())
    const handle = kraken.order(String(ack.result?.cl_ord_id))
    const dms = kraken.deadMansSwitch({ timeout: 60, every: 20 })
    await simulator.waitForRequest({ method: 'cancel_all_orders_after' })
    // The client's next refresh is 20 s of real time away: the simulator's
    // clock runs 60 s ahead first, as if the client had died.
    await vi.waitFor(
      () => expect(timers.size).toBeGreaterThan(0),
      LOADED_MACHINE,
    )
    time += 60_000
    for (const timer of [...timers]) {
      if (timer.at <= time) {
        timers.delete(timer)
        timer.run()
      }
    }
    await expect(handle.done).resolves.toMatchObject({ status: 'canceled' })
    expect(handle.order?.reason).toBe('Cancel all orders after timeout')
    expect(dms.state).toBe('armed')
  })
})
