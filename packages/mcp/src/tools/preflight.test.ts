import { afterAll, beforeAll, expect, test } from 'vitest'
import {
  auditLines,
  call,
  codeIn,
  newClient,
  priceNearBid,
  textOf,
} from '../testing/clients.js'
import { type McpDesk, startMcpDesk } from '../testing/mcpDesk.js'

// A live-mode desk pointed at the simulator: what would go to Kraken is
// visible in the simulator's request log.
let desk: McpDesk

beforeAll(async () => {
  // Funds for a small order only: a larger one passes the policy, not Kraken.
  desk = await startMcpDesk('live', { USD: 100, BTC: 1, ETH: 10 })
})

afterAll(async () => {
  await desk?.close()
})

const addOrders = () =>
  desk.simulator.stats
    .requests({ method: 'add_order' })
    .map((request) => request.params?.validate === true)

async function confirmedPlace(
  client: ReturnType<typeof newClient>,
  order: Record<string, unknown>,
) {
  const code = codeIn(await call(client, 'place_order', order))
  return call(client, 'place_order', { ...order, confirm: code })
}

test('behavior: in live mode every order is preflighted with validate: true first', async () => {
  const client = newClient()
  await desk.connect(client)
  expect(client.getInstructions()).toContain('LIVE mode')
  const price = await priceNearBid(client, 'BTC/USD', 50)
  const placed = await confirmedPlace(client, {
    symbol: 'BTC/USD',
    side: 'buy',
    order_type: 'limit',
    order_qty: '0.001',
    limit_price: price,
  })
  expect(placed.isError).toBeFalsy()
  expect(placed.structuredContent).toMatchObject({ mode: 'live' })
  // First the preflight (validate: true), then the order itself.
  expect(addOrders()).toEqual([true, false])
})

test('error: an order the preflight rejects is never sent', async () => {
  const client = newClient()
  await desk.connect(client)
  const price = await priceNearBid(client, 'BTC/USD', 50)
  const before = addOrders()
  // 650 USD: within the policy's notional limit, beyond the account's funds.
  const refused = await confirmedPlace(client, {
    symbol: 'BTC/USD',
    side: 'buy',
    order_type: 'limit',
    order_qty: '0.01',
    limit_price: price,
  })
  expect(refused.isError).toBe(true)
  expect(JSON.parse(textOf(refused))).toMatchObject({
    error: {
      kind: 'rejected',
      message: expect.stringMatching(
        /preflight failed, so the order was not sent/,
      ),
      kraken_error: expect.stringMatching(/Insufficient funds/),
    },
  })
  expect(addOrders()).toEqual([...before, true])
  expect((await auditLines(desk.audit.path)).at(-1)).toMatchObject({
    tool: 'place_order',
    mode: 'live',
    outcome: 'preflight_failed',
    error: { kind: 'rejected' },
  })
})

test('error: the risk policy refuses before even the preflight', async () => {
  const client = newClient()
  await desk.connect(client)
  const before = addOrders().length
  const refused = await confirmedPlace(client, {
    symbol: 'SOL/USD',
    side: 'buy',
    order_type: 'market',
    order_qty: '1',
  })
  expect(JSON.parse(textOf(refused))).toMatchObject({
    error: { kind: 'risk_refused', rule: 'symbol_allow_list' },
  })
  expect(addOrders().length).toBe(before)
})
