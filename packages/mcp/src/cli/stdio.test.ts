import { join } from 'node:path'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  auditLines,
  call,
  codeIn,
  firstUpdates,
  newClient,
  priceNearBid,
  tempFolder,
  textOf,
} from '../testing/clients.js'

const cli = join(import.meta.dirname, '..', 'cli.ts')

// One `kraken-mcp` child with no configuration but a temporary audit log,
// driven by the SDK's own client over stdio.
let client: Client
let transport: StdioClientTransport
let folder: Awaited<ReturnType<typeof tempFolder>>
let auditPath: string
let stderr = ''

beforeAll(async () => {
  folder = await tempFolder()
  auditPath = join(folder.path, 'audit.jsonl')
  transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      '--conditions=@kraken-sockets/source',
      cli,
      '--audit-log',
      auditPath,
      '--notify-interval',
      '200',
    ],
    env: { ...process.env } as Record<string, string>,
    stderr: 'pipe',
  })
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  client = newClient()
  // The child compiles with tsx and syncs its books before it answers:
  // slow on a loaded machine, so a generous limit on initialize.
  await client.connect(transport, { timeout: 110_000 })
})

afterAll(async () => {
  await client?.close()
  await folder?.remove()
})

describe('kraken-mcp over stdio, no configuration', () => {
  test('default: paper mode on the embedded simulator, tools from the catalogue', async () => {
    expect(client.getInstructions()).toContain('Paper mode')
    const { tools } = await client.listTools()
    const names = tools.map((tool) => tool.name)
    for (const name of [
      'status',
      'book',
      'place_order',
      'cancel_all',
      'kill_switch',
    ])
      expect(names).toContain(name)
    const place = tools.find((tool) => tool.name === 'place_order')
    expect(place?.annotations).toMatchObject({
      destructiveHint: true,
      readOnlyHint: false,
    })
    expect(place?.inputSchema.required).toEqual(
      expect.arrayContaining(['symbol', 'side', 'order_type', 'order_qty']),
    )
    expect(place?.inputSchema.properties).toHaveProperty('confirm')
    const book = tools.find((tool) => tool.name === 'book')
    expect(book?.annotations).toMatchObject({
      readOnlyHint: true,
      destructiveHint: false,
    })
    expect(book?.inputSchema.properties).not.toHaveProperty('confirm')
    expect(stderr).toContain('paper mode on the embedded simulator')
  })

  test('behavior: lists the live resources and reads a verified book', async () => {
    const { resources } = await client.listResources()
    const uris = resources.map((resource) => resource.uri)
    expect(uris).toEqual(
      expect.arrayContaining([
        'kraken://tickers',
        'kraken://orders',
        'kraken://executions',
        'kraken://balances',
        'kraken://alerts',
        'kraken://health',
        'kraken://book/BTC/USD',
        'kraken://book/ETH/USD',
      ]),
    )
    const read = await client.readResource({ uri: 'kraken://book/BTC/USD' })
    const content = read.contents[0]
    const book = JSON.parse(
      content !== undefined && 'text' in content ? content.text : '{}',
    ) as {
      in_sync: boolean
      bids: { price: number }[]
      asks: { price: number }[]
    }
    expect(book.in_sync).toBe(true)
    expect(book.bids.length).toBeGreaterThan(0)
    expect(book.asks[0]?.price).toBeGreaterThan(book.bids[0]?.price ?? Infinity)
    await expect(
      client.readResource({ uri: 'kraken://book/DOGE/USD' }),
    ).rejects.toThrow(/No book of DOGE\/USD/)
  })

  test('behavior: a subscribed ticker resource sends updates', async () => {
    // The simulator's market moves many times a second.
    const updates = await firstUpdates(client, 'kraken://tickers')
    await client.unsubscribeResource({ uri: 'kraken://tickers' })
    expect(new Set(updates)).toEqual(new Set(['kraken://tickers']))
  })

  test('behavior: without elicitation, an order needs the one-time code; the policy refuses a large one', async () => {
    const price = await priceNearBid(client, 'BTC/USD', 50)
    const order = {
      symbol: 'BTC/USD',
      side: 'buy',
      order_type: 'limit',
      order_qty: '0.001',
      limit_price: price,
    }
    const asked = await call(client, 'place_order', order)
    expect(asked.isError).toBe(true)
    expect(textOf(asked)).toMatch(/Confirmation needed: nothing was sent/)
    const code = codeIn(asked)
    const orders = async () =>
      (
        (await call(client, 'orders')).structuredContent as {
          orders: { order_id: string }[]
        }
      ).orders
    expect(await orders()).toEqual([])

    // A code for other arguments is refused and sends nothing.
    const other = await call(client, 'place_order', {
      ...order,
      order_qty: '0.002',
      confirm: code,
    })
    expect(textOf(other)).toMatch(
      /unknown, used, expired or was issued for other arguments/,
    )
    expect(await orders()).toEqual([])

    const placed = await call(client, 'place_order', {
      ...order,
      confirm: code,
    })
    expect(placed.isError).toBeFalsy()
    const ack = placed.structuredContent as {
      mode: string
      result: { order_id: string }
    }
    expect(ack.mode).toBe('paper')
    expect(ack.result.order_id).toMatch(/\S/)
    // The code works once.
    const again = await call(client, 'place_order', { ...order, confirm: code })
    expect(again.isError).toBe(true)

    // The policy refuses an order over the notional limit, after consent, before sending.
    const big = { ...order, order_qty: '5' }
    const bigCode = codeIn(await call(client, 'place_order', big))
    const refused = await call(client, 'place_order', {
      ...big,
      confirm: bigCode,
    })
    expect(refused.isError).toBe(true)
    expect(JSON.parse(textOf(refused))).toMatchObject({
      error: { kind: 'risk_refused', rule: 'max_order_notional' },
    })

    await expect
      .poll(async () => (await orders()).map((o) => o.order_id), {
        timeout: 30_000,
      })
      .toEqual([ack.result.order_id])

    const cancel = { order_id: [ack.result.order_id] }
    const cancelCode = codeIn(await call(client, 'cancel_order', cancel))
    const cancelled = await call(client, 'cancel_order', {
      ...cancel,
      confirm: cancelCode,
    })
    expect(cancelled.isError).toBeFalsy()
    await expect
      .poll(async () => (await orders()).length, { timeout: 30_000 })
      .toBe(0)

    const lines = await auditLines(auditPath)
    expect(lines.map((line) => [line.tool, line.outcome])).toEqual([
      ['place_order', 'confirmation_requested'],
      ['place_order', 'confirmation_invalid'],
      ['place_order', 'sending'],
      ['place_order', 'done'],
      ['place_order', 'confirmation_invalid'],
      ['place_order', 'confirmation_requested'],
      ['place_order', 'sending'],
      ['place_order', 'refused'],
      ['cancel_order', 'confirmation_requested'],
      ['cancel_order', 'sending'],
      ['cancel_order', 'done'],
    ])
    for (const line of lines) {
      expect(line.mode).toBe('paper')
      expect(Number.isNaN(Date.parse(String(line.at)))).toBe(false)
    }
    expect(lines[3]).toMatchObject({
      confirmedBy: 'code',
      args: order,
      result: { order_id: ack.result.order_id },
    })
    expect(lines[7]).toMatchObject({
      error: { kind: 'risk_refused', rule: 'max_order_notional' },
    })
    expect(JSON.stringify(lines)).not.toContain(code)
  })
})
