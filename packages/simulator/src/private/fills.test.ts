import { expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { connect } from '../testing/client.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { connectPrivate, type Frame } from '../testing/private.js'

const open = closeAfterEach()

const dataOf = (frames: Frame[], channel: string, type = 'update') =>
  frames
    .filter((f) => f.channel === channel && f.type === type)
    .flatMap((f) => f.data as Frame[])

test('behavior: the market fills a resting order in parts, with executions and balances', async () => {
  const simulator = await startSimulator({ rate: 0, seed: 3 })
  open.simulators.push(simulator)
  const pub = await connect(simulator.publicUrl)
  open.clients.push(pub)
  pub.send({
    method: 'subscribe',
    params: { channel: 'ticker', symbol: ['BTC/USD'] },
  })
  const ticker = JSON.parse(
    await pub.next((_, p) => p?.channel === 'ticker'),
  ) as { data: { bid: number; ask: number }[] }
  const bid = ticker.data[0]?.bid ?? 0
  const ask = ticker.data[0]?.ask ?? 0
  const client = await connectPrivate(simulator)
  open.clients.push(client)
  await client.request('subscribe', { channel: 'executions' }, 1)
  const balancesAck = await client.request(
    'subscribe',
    { channel: 'balances' },
    2,
  )
  const snapshot = dataOf(balancesAck.frames, 'balances', 'snapshot')
  const usdBefore = snapshot.find((b) => b.asset === 'USD')?.balance
  const btcBefore = snapshot.find((b) => b.asset === 'BTC')?.balance
  expect(usdBefore).toBe(1_000_000)
  expect(btcBefore).toBe(10)

  // A large bid at the market's best bid: only sellers moving the market fill it.
  expect(ask).toBeGreaterThan(bid)
  const limit = bid
  const { response } = await client.request(
    'add_order',
    {
      order_type: 'limit',
      side: 'buy',
      symbol: 'BTC/USD',
      order_qty: 3,
      limit_price: limit,
    },
    3,
  )
  const orderId = (response.result as Frame).order_id
  const mark = client.frames.length
  let trades: Frame[] = []
  for (
    let i = 0;
    i < 400 && !trades.some((t) => t.order_status === 'filled');
    i++
  ) {
    simulator.step(25)
    await client.sync()
    trades = dataOf(client.since(mark), 'executions').filter(
      (r) => r.exec_type === 'trade' || r.exec_type === 'filled',
    )
  }
  expect(trades.length).toBeGreaterThan(1)
  expect(trades[0]).toMatchObject({
    order_id: orderId,
    exec_type: 'trade',
    order_status: 'partially_filled',
    liquidity_ind: 'm',
    last_price: limit,
  })
  const last = trades.at(-1)
  expect(last).toMatchObject({ order_status: 'filled', cum_qty: 3 })
  const filledQty = trades
    .filter((t) => t.exec_type === 'trade')
    .reduce((sum, t) => sum + Number(t.last_qty), 0)
  expect(filledQty).toBeCloseTo(3, 8)

  // Each fill books two ledger entries (BTC in, USD out) sharing the fill's ref_id.
  const ledger = dataOf(client.since(mark), 'balances')
  const firstTrade = trades[0] ?? {}
  const pair = ledger.filter((e) => e.ref_id === firstTrade.exec_id)
  expect(pair.map((e) => e.asset).sort()).toEqual(['BTC', 'USD'])
  expect(pair.every((e) => e.type === 'trade')).toBe(true)
  const btcAfter = ledger.filter((e) => e.asset === 'BTC').at(-1)?.balance
  expect(btcAfter).toBeCloseTo(13, 8)
  const usdAfter = Number(
    ledger.filter((e) => e.asset === 'USD').at(-1)?.balance,
  )
  expect(usdAfter).toBeLessThan(1_000_000 - 3 * limit)
  expect(usdAfter).toBeGreaterThan(1_000_000 - 3 * limit * 1.01)
  // Private frames carry one rising sequence per connection.
  const sequences = client
    .since(0)
    .filter((f) => f.channel === 'executions' || f.channel === 'balances')
    .map((f) => Number(f.sequence))
  expect(sequences).toEqual(sequences.map((_, i) => i + 1))
})
