import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import {
  type CallToolResult,
  ResourceUpdatedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js'
import { expect } from 'vitest'

/** A temporary folder, removed by the returned function. */
export async function tempFolder(): Promise<{
  path: string
  remove: () => Promise<void>
}> {
  const path = await mkdtemp(join(tmpdir(), 'kraken-mcp-'))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** The audit log's lines, parsed. */
export async function auditLines(
  path: string,
): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8').catch(() => '')
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** An SDK client; with `elicitation`, it declares form elicitation support. */
export function newClient(elicitation = false): Client {
  return new Client(
    { name: 'kraken-mcp-test', version: '0.0.0' },
    { capabilities: elicitation ? { elicitation: { form: {} } } : {} },
  )
}

/** Calls a tool and returns the result typed as a tool result. */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult
}

/** The text of a result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0]
  return first?.type === 'text' ? first.text : ''
}

/** The one-time code in a "confirmation needed" answer. */
export function codeIn(result: CallToolResult): string {
  const match = /"confirm": "([A-Z0-9]{4}-[A-Z0-9]{4})"/.exec(textOf(result))
  if (match?.[1] === undefined)
    throw new Error(`no confirmation code in: ${textOf(result)}`)
  return match[1]
}

/** A limit price `bps` basis points below the book's best bid, as text. */
export async function priceNearBid(
  client: Client,
  symbol: string,
  bps: number,
): Promise<string> {
  const book = (await call(client, 'book', { symbol })).structuredContent as {
    bids: { price: number }[]
  }
  const bid = book.bids[0]?.price
  if (bid === undefined) throw new Error(`no bid in the ${symbol} book`)
  return (bid * (1 - bps / 10_000)).toFixed(1)
}

/**
 * Subscribes `uri` and resolves with the URIs of the updates received once
 * at least one arrived (generous: the machine may be busy).
 */
export async function firstUpdates(
  client: Client,
  uri: string,
): Promise<string[]> {
  const updates: string[] = []
  client.setNotificationHandler(ResourceUpdatedNotificationSchema, (n) => {
    updates.push(n.params.uri)
  })
  await client.subscribeResource({ uri })
  await expect
    .poll(() => updates.length, { timeout: 60_000, interval: 100 })
    .toBeGreaterThan(0)
  return updates
}
