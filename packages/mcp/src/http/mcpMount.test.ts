import {
  ElicitRequestSchema,
  type ElicitResult,
} from '@modelcontextprotocol/sdk/types.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  auditLines,
  call,
  firstUpdates,
  newClient,
  priceNearBid,
  textOf,
} from '../testing/clients.js'
import { type McpDesk, startMcpDesk } from '../testing/mcpDesk.js'

let desk: McpDesk

beforeAll(async () => {
  desk = await startMcpDesk()
})

afterAll(async () => {
  await desk?.close()
})

const addOrders = () => desk.simulator.stats.requests({ method: 'add_order' })

/** A client that answers every confirmation form with `answer`, recording the messages. */
async function elicitingClient(answer: ElicitResult) {
  const client = newClient(true)
  const asked: string[] = []
  client.setRequestHandler(ElicitRequestSchema, (request) => {
    asked.push(request.params.message)
    return answer
  })
  await desk.connect(client)
  return { client, asked }
}

describe('MCP over Streamable HTTP through the desk', () => {
  test('default: tools, resources, a book read and ticker updates', async () => {
    const client = newClient()
    await desk.connect(client)
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toContain('kill_switch')
    const { resources } = await client.listResources()
    expect(resources.map((r) => r.uri)).toContain('kraken://book/BTC/USD')
    const read = await client.readResource({ uri: 'kraken://health' })
    const first = read.contents[0]
    const health = JSON.parse(
      first !== undefined && 'text' in first ? first.text : '{}',
    ) as { mode: string; books: { symbol: string; in_sync: boolean }[] }
    expect(health.mode).toBe('paper')
    expect(health.books).toContainEqual({
      symbol: 'BTC/USD',
      state: 'in-sync',
      in_sync: true,
    })
    const updates = await firstUpdates(client, 'kraken://tickers')
    expect(updates.every((uri) => uri === 'kraken://tickers')).toBe(true)
  })

  test('behavior: with elicitation, a declined order sends nothing and an accepted one is placed', async () => {
    const price = await priceNearBid(
      (await elicitingClient({ action: 'cancel' })).client,
      'BTC/USD',
      60,
    )
    const order = {
      symbol: 'BTC/USD',
      side: 'buy',
      order_type: 'limit',
      order_qty: '0.001',
      limit_price: price,
    }
    const before = addOrders().length
    const decliner = await elicitingClient({ action: 'decline' })
    const declined = await call(decliner.client, 'place_order', order)
    expect(declined.isError).toBe(true)
    expect(textOf(declined)).toMatch(/did not allow .* nothing was sent/)
    expect(decliner.asked[0]).toContain('Paper mode')
    expect(decliner.asked[0]).toContain(price)

    // Submitting the form without ticking the box is no consent either.
    const unticked = await elicitingClient({
      action: 'accept',
      content: { confirm: false },
    })
    expect((await call(unticked.client, 'place_order', order)).isError).toBe(
      true,
    )
    expect(addOrders().length).toBe(before)

    const accepter = await elicitingClient({
      action: 'accept',
      content: { confirm: true },
    })
    const placed = await call(accepter.client, 'place_order', order)
    expect(placed.isError).toBeFalsy()
    expect(accepter.asked).toHaveLength(1)
    expect(addOrders().length).toBe(before + 1)
    const lines = (await auditLines(desk.audit.path)).filter(
      (line) => line.tool === 'place_order',
    )
    expect(lines.slice(-4).map((line) => line.outcome)).toEqual([
      'declined',
      'declined',
      'sending',
      'done',
    ])
    expect(lines.at(-1)).toMatchObject({ confirmedBy: 'elicitation' })
    expect(typeof lines.at(-1)?.session).toBe('string')
  })

  test('behavior: the kill switch asks nothing, cancels every order and arms the switch', async () => {
    const { client, asked } = await elicitingClient({
      action: 'accept',
      content: { confirm: true },
    })
    const price = await priceNearBid(client, 'ETH/USD', 80)
    const before = desk.running.desk.kraken.orders.size
    const placed = await call(client, 'place_order', {
      symbol: 'ETH/USD',
      side: 'buy',
      order_type: 'limit',
      order_qty: '0.01',
      limit_price: price,
    })
    const orderId = (
      placed.structuredContent as { result: { order_id: string } }
    ).result.order_id
    await expect
      .poll(() => desk.running.desk.kraken.orders.size, { timeout: 30_000 })
      .toBe(before + 1)
    // The execution report of the new order is in the executions resource.
    const executions = async () => {
      const read = await client.readResource({ uri: 'kraken://executions' })
      const first = read.contents[0]
      return first !== undefined && 'text' in first ? first.text : ''
    }
    await expect.poll(executions, { timeout: 30_000 }).toContain(orderId)
    const open = desk.running.desk.kraken.orders.size
    asked.length = 0
    const killed = await call(client, 'kill_switch', { seconds: 30 })
    expect(asked).toEqual([])
    expect(killed.structuredContent).toMatchObject({
      cancelled: open,
      errors: [],
    })
    expect(
      (killed.structuredContent as { trigger_time: string }).trigger_time,
    ).toMatch(/^\d{4}-/)
    expect(
      desk.simulator.stats.requests({ method: 'cancel_all_orders_after' }),
    ).toHaveLength(1)
    await expect
      .poll(() => desk.running.desk.kraken.orders.size, { timeout: 30_000 })
      .toBe(0)
    expect((await auditLines(desk.audit.path)).at(-1)).toMatchObject({
      tool: 'kill_switch',
      confirmedBy: 'not_needed',
      outcome: 'done',
      args: { seconds: 30 },
    })
  })

  test('error: a read token reads but cannot trade; no token or a foreign Origin is refused', async () => {
    const reader = newClient()
    await desk.connect(reader, desk.tokens.read)
    expect((await call(reader, 'status')).isError).toBeFalsy()
    const before = addOrders().length
    const refused = await call(reader, 'cancel_all', {})
    expect(refused.isError).toBe(true)
    expect(textOf(refused)).toContain('needs a token with the trade scope')
    const switches = () =>
      desk.simulator.stats.requests({ method: 'cancel_all_orders_after' })
        .length
    const armed = switches()
    const killed = await call(reader, 'kill_switch', {})
    expect(textOf(killed)).toContain('needs a token with the trade scope')
    expect(switches()).toBe(armed)
    expect(addOrders().length).toBe(before)

    const init = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'raw', version: '0' },
      },
    }
    const post = (headers: Record<string, string>) =>
      fetch(`${desk.running.url}/mcp`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify(init),
      })
    expect((await post({})).status).toBe(401)
    expect(
      (
        await post({
          Authorization: `Bearer ${desk.tokens.trade}`,
          Origin: 'http://evil.example',
        })
      ).status,
    ).toBe(403)
    const unknown = await fetch(`${desk.running.url}/mcp`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${desk.tokens.trade}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'mcp-session-id': 'no-such-session',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
    })
    expect(unknown.status).toBe(404)
  })

  test('behavior: the audit log holds no token or key', async () => {
    const text = JSON.stringify(await auditLines(desk.audit.path))
    expect(text.length).toBeGreaterThan(2)
    for (const secret of [
      desk.tokens.read,
      desk.tokens.trade,
      desk.simulator.clientOptions().privateKey,
      desk.simulator.clientOptions().apiKey,
    ]) {
      expect(secret).toBeTruthy()
      expect(text).not.toContain(secret)
    }
  })
})
