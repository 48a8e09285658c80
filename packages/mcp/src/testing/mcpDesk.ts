import { join } from 'node:path'
import {
  type DeskMode,
  type DeskTokens,
  loadOrCreateTokens,
  type RunningDesk,
  startDesk,
} from '@kraken-sockets/desk'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import type { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { WebSocket } from 'ws'
import { mcpMount } from '../http/mcpMount.js'
import { type AuditLog, openAuditLog } from '../safety/auditLog.js'
import { tempFolder } from './clients.js'

/** A simulator, a desk serving `/mcp` on 127.0.0.1, its tokens and audit log. */
export interface McpDesk {
  readonly simulator: Simulator
  readonly running: RunningDesk
  readonly tokens: DeskTokens
  readonly audit: AuditLog
  /** Connects `client` to `/mcp` with `token` (default: the trade token). */
  connect(client: Client, token?: string): Promise<void>
  close(): Promise<void>
}

/**
 * Starts the real parts: a simulator and a desk on port 0 with the MCP
 * mount. `mode: 'live'` points a live-mode desk at the simulator, to watch
 * the validate preflight arrive before the order; `balances` sets the
 * simulated account's funds.
 */
export async function startMcpDesk(
  mode: DeskMode = 'paper',
  balances?: Readonly<Record<string, number>>,
): Promise<McpDesk> {
  const folder = await tempFolder()
  const simulator = await startSimulator({
    seed: 7,
    ...(balances === undefined ? {} : { balances }),
  })
  const audit = await openAuditLog(join(folder.path, 'audit.jsonl'))
  const tokenFile = join(folder.path, 'tokens.json')
  const running = await startDesk({
    mode,
    port: 0,
    tokenFile,
    mounts: [mcpMount({ audit, notifyInterval: 200, confirmTimeout: 60_000 })],
    kraken: { ...simulator.clientOptions(), WebSocket, logger: false },
  })
  const tokens = await loadOrCreateTokens(tokenFile)
  const clients: Client[] = []
  return {
    simulator,
    running,
    tokens,
    audit,
    async connect(client, token = tokens.trade) {
      clients.push(client)
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`${running.url}/mcp`), {
          requestInit: { headers: { Authorization: `Bearer ${token}` } },
        }),
      )
    },
    async close() {
      for (const client of clients) await client.close().catch(() => undefined)
      await running.close()
      await simulator.close()
      await audit.close()
      await folder.remove()
    },
  }
}
