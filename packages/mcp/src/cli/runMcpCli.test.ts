import { join } from 'node:path'
import { loadOrCreateTokens } from '@kraken-sockets/desk'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { expect, test } from 'vitest'
import { newClient, tempFolder } from '../testing/clients.js'
import { MCP_USAGE, runMcpCli } from './runMcpCli.js'

test('default: --help prints the usage and starts nothing', async () => {
  const lines: string[] = []
  expect(
    await runMcpCli(['--help'], (line) => lines.push(line), {}),
  ).toBeUndefined()
  expect(lines).toEqual([MCP_USAGE])
})

test('error: --live without keys in the environment', async () => {
  await expect(
    runMcpCli(['--live'], () => undefined, { KRAKEN_REST_API_KEY: 'k' }),
  ).rejects.toMatchObject({
    name: 'McpUsageError',
    message: expect.stringMatching(/KRAKEN_REST_API_PRIVATE_KEY/),
  })
})

test('error: an unknown flag or a bad number', async () => {
  await expect(
    runMcpCli(['--paper-money'], () => undefined, {}),
  ).rejects.toMatchObject({
    name: 'McpUsageError',
  })
  await expect(
    runMcpCli(['--notify-interval', 'soon'], () => undefined, {}),
  ).rejects.toThrow('--notify-interval must be a number, got "soon".')
})

test('behavior: --http serves MCP at /mcp on the desk, behind its token', async () => {
  const folder = await tempFolder()
  const lines: string[] = []
  const cli = await runMcpCli(
    [
      '--http',
      '--port',
      '0',
      '--token-file',
      join(folder.path, 'tokens.json'),
      '--audit-log',
      join(folder.path, 'audit.jsonl'),
    ],
    (line) => lines.push(line),
    {},
  )
  try {
    expect(cli?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(lines.join('\n')).toContain(`${cli?.url}/mcp`)
    const tokens = await loadOrCreateTokens(join(folder.path, 'tokens.json'))
    const client = newClient()
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${cli?.url}/mcp`), {
        requestInit: { headers: { Authorization: `Bearer ${tokens.read}` } },
      }),
    )
    expect((await client.listTools()).tools.length).toBeGreaterThan(20)
    await client.close()
  } finally {
    await cli?.close()
    await folder.remove()
  }
})
