import { describe, expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { connectPrivate, type Frame } from '../testing/private.js'
import { callPrivate } from '../testing/privateRest.js'

const open = closeAfterEach()

async function setup() {
  const simulator = await startSimulator({ rate: 0 })
  open.simulators.push(simulator)
  const client = await connectPrivate(simulator)
  open.clients.push(client)
  return { simulator, client, rest: simulator.restUrl }
}

type Json = Record<string, unknown>
const resultOf = (json: Json) => {
  expect(json.error).toEqual([])
  return json.result as Record<string, Json>
}

describe('private REST on the simulated exchange', () => {
  test('requests are signed and nonce-checked like GetWebSocketsToken', async () => {
    const { rest } = await setup()
    expect(await callPrivate(rest, 'Balance', {}, { apiKey: 'nope' })).toEqual({
      error: ['EAPI:Invalid key'],
    })
    expect(await callPrivate(rest, 'Balance', {}, { sign: 'AAAA' })).toEqual({
      error: ['EAPI:Invalid signature'],
    })
    // The nonce rule is shared with GetWebSocketsToken (used by setup).
    expect(await callPrivate(rest, 'Balance', {}, { nonce: '5' })).toEqual({
      error: ['EAPI:Invalid nonce'],
    })
    const big = '9000000000000000000'
    expect(
      resultOf(await callPrivate(rest, 'Balance', {}, { nonce: big })),
    ).toHaveProperty('ZUSD')
    expect(await callPrivate(rest, 'Balance', {}, { nonce: big })).toEqual({
      error: ['EAPI:Invalid nonce'],
    })
  })

  test('Balance lists the account in REST asset names and decimals', async () => {
    const { rest } = await setup()
    const balance = resultOf(await callPrivate(rest, 'Balance'))
    expect(balance.ZUSD).toBe('1000000.0000')
    expect(balance.XXBT).toBe('10.0000000000')
    expect(balance.SOL).toBe('5000.0000000000')
  })

  test('orders are found open, then closed, by txid, userref and cl_ord_id', async () => {
    const { rest, client } = await setup()
    const place = async (tag: Frame, reqId: number) => {
      const { response } = await client.request(
        'add_order',
        {
          order_type: 'limit',
          side: 'buy',
          symbol: 'BTC/USD',
          order_qty: 0.01,
          limit_price: 50_000,
          ...tag,
        },
        reqId,
      )
      expect(response).toMatchObject({ success: true })
      return String((response.result as Frame).order_id)
    }
    const tagged = await place({ cl_ord_id: 'rest-test-1' }, 1)
    const reffed = await place({ order_userref: 77 }, 2)
    const openOrders = resultOf(await callPrivate(rest, 'OpenOrders')).open
    expect(Object.keys(openOrders ?? {})).toEqual([tagged, reffed])
    expect(openOrders?.[tagged]).toMatchObject({
      status: 'open',
      userref: 0,
      cl_ord_id: 'rest-test-1',
      vol: '0.01000000',
      vol_exec: '0.00000000',
      descr: {
        pair: 'XBTUSD',
        type: 'buy',
        ordertype: 'limit',
        price: '50000.0',
        order: 'buy 0.01000000 XBTUSD @ limit 50000.0',
      },
    })
    const openBy = async (params: Record<string, string>) =>
      Object.keys(
        resultOf(await callPrivate(rest, 'OpenOrders', params)).open ?? {},
      )
    expect(await openBy({ cl_ord_id: 'rest-test-1' })).toEqual([tagged])
    expect(await openBy({ cl_ord_id: 'other' })).toEqual([])
    expect(await openBy({ userref: '77' })).toEqual([reffed])

    await client.request('cancel_order', { order_id: [tagged, reffed] }, 3)
    expect(resultOf(await callPrivate(rest, 'OpenOrders')).open).toEqual({})
    const closed = resultOf(
      await callPrivate(rest, 'ClosedOrders', { cl_ord_id: 'rest-test-1' }),
    )
    expect(closed.count).toBe(1)
    expect((closed.closed as Record<string, Json>)[tagged]).toMatchObject({
      status: 'canceled',
      reason: 'User requested',
    })
    const closedByRef = resultOf(
      await callPrivate(rest, 'ClosedOrders', { userref: '77' }),
    )
    expect(Object.keys(closedByRef.closed ?? {})).toEqual([reffed])
    const all = resultOf(await callPrivate(rest, 'ClosedOrders'))
    expect(all.count).toBe(2)
    // Newest first, as Kraken lists closed orders.
    expect(Object.keys(all.closed ?? {})).toEqual([reffed, tagged])
    const queried = resultOf(
      await callPrivate(rest, 'QueryOrders', { txid: `${tagged},${reffed}` }),
    )
    expect(queried[reffed]).toMatchObject({ status: 'canceled', userref: 77 })
    expect(queried[tagged]).toMatchObject({ cl_ord_id: 'rest-test-1' })
    expect(
      Object.keys(
        resultOf(
          await callPrivate(rest, 'QueryOrders', {
            txid: `${tagged},${reffed}`,
            userref: '77',
          }),
        ),
      ),
    ).toEqual([reffed])
    expect(
      await callPrivate(rest, 'QueryOrders', { txid: 'OAAAAA-BBBBB-CCCCCC' }),
    ).toEqual({ error: ['EOrder:Invalid order'] })
    expect(await callPrivate(rest, 'QueryOrders')).toEqual({
      error: ['EGeneral:Invalid arguments'],
    })
  })

  test('a filled market order shows in ClosedOrders and TradesHistory', async () => {
    const { rest, client } = await setup()
    const { response } = await client.request(
      'add_order',
      { order_type: 'market', side: 'buy', symbol: 'BTC/USD', order_qty: 0.02 },
      1,
    )
    const txid = String((response.result as Frame).order_id)
    const order = resultOf(
      await callPrivate(rest, 'QueryOrders', { txid, trades: 'true' }),
    )[txid] as Json
    expect(order).toMatchObject({ status: 'closed', vol_exec: '0.02000000' })
    const tradeIds = order.trades as string[]
    expect(tradeIds.length).toBeGreaterThan(0)
    const history = resultOf(await callPrivate(rest, 'TradesHistory'))
    expect(history.count).toBe(tradeIds.length)
    const trade = (history.trades as Record<string, Json>)[tradeIds[0] ?? '']
    expect(trade).toMatchObject({
      ordertxid: txid,
      pair: 'XXBTZUSD',
      type: 'buy',
      ordertype: 'market',
      maker: false,
    })
    expect(Number(trade?.cost)).toBeCloseTo(
      Number(trade?.price) * Number(trade?.vol),
      2,
    )
    const balance = resultOf(await callPrivate(rest, 'Balance'))
    expect(balance.XXBT).toBe('10.0200000000')
    expect(Number(balance.ZUSD)).toBeLessThan(1_000_000)
  })
})
