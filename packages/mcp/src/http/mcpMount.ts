import { randomUUID } from 'node:crypto'
import type { Desk, DeskMount } from '@kraken-sockets/desk'
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js'
import type { AuditLog } from '../safety/auditLog.js'
import {
  createKrakenMcp,
  type KrakenMcp,
  type KrakenMcpOptions,
} from '../server/krakenMcp.js'

/** Options of {@link mcpMount}. */
export interface McpMountOptions
  extends Omit<KrakenMcpOptions, 'desk' | 'audit'> {
  /** The audit log of money-changing calls. */
  readonly audit: AuditLog
  /** Where it answers. @default '/mcp' */
  readonly path?: string | undefined
  /** Most sessions at once; more are refused until one ends. @default 32 */
  readonly maxSessions?: number | undefined
}

const SESSION_HEADER = 'mcp-session-id'

const jsonRpcError = (status: number, message: string) =>
  new Response(
    JSON.stringify({
      jsonrpc: '2.0',
      error: { code: -32_000, message },
      id: null,
    }),
    { status, headers: { 'Content-Type': 'application/json' } },
  )

/**
 * The MCP Streamable HTTP endpoint as a desk mount: `startDesk({ mounts:
 * [mcpMount({ audit })] })` serves it at `/mcp` behind the desk's Host and
 * Origin checks and bearer token. Each session gets its own server; a
 * request's token scope (read or trade) decides what it may call.
 */
export function mcpMount(options: McpMountOptions): DeskMount {
  let mcp: KrakenMcp | undefined
  const sessions = new Map<string, WebStandardStreamableHTTPServerTransport>()
  const maxSessions = options.maxSessions ?? 32
  const mcpOf = (desk: Desk) => {
    mcp ??= createKrakenMcp({ ...options, desk })
    return mcp
  }

  return {
    path: options.path ?? '/mcp',
    async handle(request, { scope, desk }) {
      // The token itself stays out: handlers see only its scope.
      const authInfo = { token: '', clientId: 'kraken-desk', scopes: [scope] }
      const id = request.headers.get(SESSION_HEADER)
      if (id !== null) {
        const transport = sessions.get(id)
        if (transport === undefined)
          return jsonRpcError(404, 'Unknown or ended MCP session.')
        return transport.handleRequest(request, { authInfo })
      }
      if (request.method !== 'POST')
        return jsonRpcError(400, 'Start a session with an initialize POST.')
      if (sessions.size >= maxSessions)
        return jsonRpcError(503, 'Too many MCP sessions; end one first.')
      const sessionId = randomUUID()
      const transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: () => sessionId,
        onsessioninitialized: (started) => {
          sessions.set(started, transport)
        },
        onsessionclosed: (ended) => {
          sessions.delete(ended)
        },
      })
      transport.onclose = () => {
        sessions.delete(sessionId)
      }
      await mcpOf(desk).connect(transport, { session: sessionId })
      return transport.handleRequest(request, { authInfo })
    },
    async close() {
      await mcp?.close()
      sessions.clear()
    },
  }
}
