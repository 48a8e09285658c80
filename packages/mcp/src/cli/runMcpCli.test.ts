import { expect, test } from 'vitest'
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
