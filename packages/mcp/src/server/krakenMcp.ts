import {
  type Desk,
  catalogue as deskCatalogue,
  type Operation,
  type Scope,
} from '@kraken-sockets/desk'
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js'
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
  SubscribeRequestSchema,
  UnsubscribeRequestSchema,
} from '@modelcontextprotocol/sdk/types.js'
import { UnknownResourceError } from '../errors.js'
import {
  type ExecutionsRecorder,
  recordExecutions,
} from '../resources/executionsRecorder.js'
import {
  BOOK_TEMPLATE,
  listResources,
  readResource,
} from '../resources/resources.js'
import { watchResources } from '../resources/resourceWatcher.js'
import type { AuditLog } from '../safety/auditLog.js'
import {
  type ConfirmationCodes,
  createConfirmationCodes,
} from '../safety/confirmationCodes.js'
import { type AskUser, callTool } from '../tools/callTool.js'
import { toolsOf } from '../tools/toolDefinitions.js'
import { MODE_TEXT } from './modeText.js'

/** The version this server reports in `initialize`. */
export const MCP_SERVER_VERSION = '0.0.0'

/** Options of {@link createKrakenMcp}. */
export interface KrakenMcpOptions {
  /** The desk whose operations become tools (started by the caller). */
  readonly desk: Desk
  /** Where every money-changing call is appended (see `openAuditLog`). */
  readonly audit: AuditLog
  /** Operations to serve. @default the desk's whole catalogue */
  readonly catalogue?: readonly Operation[] | undefined
  /** Minimum time between two `notifications/resources/updated` of one resource (ms). @default 1_000 */
  readonly notifyInterval?: number | undefined
  /** How long the user has to answer a confirmation form (ms). @default 300_000 */
  readonly confirmTimeout?: number | undefined
  /** The one-time codes (shared by every session). @default a new book */
  readonly codes?: ConfirmationCodes | undefined
}

/** What a session is connected with. */
export interface ConnectOptions {
  /** The scope of a session without per-request auth (stdio: the operator's own). @default 'trade' */
  readonly scope?: Scope | undefined
  /** The session id, for the audit log. */
  readonly session?: string | undefined
}

/** The MCP side of one desk: serves any number of sessions. */
export interface KrakenMcp {
  /** Creates a server for one session and connects it to `transport`. */
  connect(transport: Transport, options?: ConnectOptions): Promise<Server>
  /** Closes every session's server and stops recording executions. */
  close(): Promise<void>
}

function instructions(desk: Desk): string {
  return `Kraken Spot trading desk. ${MODE_TEXT[desk.mode]} Read state with the resources (kraken://health first: it lists the allowed symbols and the risk limits) or the read-only tools. Every tool that changes money needs the user's confirmation and passes the risk policy before anything is sent. If anything looks wrong, call kill_switch: it cancels every order and is always allowed.`
}

/** Scope of one request: over HTTP the desk's token scope rides in `authInfo`. */
const scopeOf = (
  extra: { authInfo?: { scopes: string[] } | undefined },
  fallback: Scope,
): Scope =>
  extra.authInfo === undefined
    ? fallback
    : extra.authInfo.scopes.includes('trade')
      ? 'trade'
      : 'read'

/**
 * Builds the MCP server of a desk on the SDK's `Server`: tools generated
 * from the catalogue (JSON Schema from its valibot schemas, so no second
 * definition), the live state as subscribable resources, and the safety
 * rules of `callTool`. It uses the SDK's low-level `Server` because
 * `McpServer.registerTool` takes only zod schemas.
 */
export function createKrakenMcp(options: KrakenMcpOptions): KrakenMcp {
  const { desk, audit } = options
  const catalogue = options.catalogue ?? deskCatalogue
  const codes = options.codes ?? createConfirmationCodes()
  const executions: ExecutionsRecorder = recordExecutions(desk)
  const tools = toolsOf(catalogue)
  const servers = new Set<Server>()
  const resourceContext = { desk, catalogue, executions }
  const read = (uri: string) => readResource(resourceContext, uri)

  return {
    async connect(transport, connectOptions = {}) {
      const fallbackScope = connectOptions.scope ?? 'trade'
      const server = new Server(
        { name: 'kraken-mcp', version: MCP_SERVER_VERSION },
        {
          capabilities: {
            tools: { listChanged: false },
            resources: { subscribe: true, listChanged: false },
          },
          instructions: instructions(desk),
        },
      )
      const watcher = watchResources({
        read,
        interval: options.notifyInterval,
        changed: (uri) => {
          server.sendResourceUpdated({ uri }).catch(() => undefined)
        },
      })
      const askUser: AskUser = async (message) => {
        const answer = await server.elicitInput(
          {
            mode: 'form',
            message,
            requestedSchema: {
              type: 'object',
              properties: {
                confirm: {
                  type: 'boolean',
                  title: 'Allow this call',
                  description: 'Tick to send it; anything else sends nothing.',
                },
              },
              required: ['confirm'],
            },
          },
          { timeout: options.confirmTimeout ?? 300_000 },
        )
        // Accepting the form without ticking the box is not consent.
        if (answer.action === 'accept' && answer.content?.confirm !== true)
          return 'decline'
        return answer.action
      }

      server.setRequestHandler(ListToolsRequestSchema, () => ({
        tools: tools as never,
      }))
      server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
        callTool(request.params.name, request.params.arguments, {
          desk,
          catalogue,
          audit,
          codes,
          scope: scopeOf(extra, fallbackScope),
          askUser:
            server.getClientCapabilities()?.elicitation === undefined
              ? undefined
              : askUser,
          session: connectOptions.session,
        }),
      )
      server.setRequestHandler(ListResourcesRequestSchema, () => ({
        resources: listResources(desk),
      }))
      server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({
        resourceTemplates: [
          {
            uriTemplate: BOOK_TEMPLATE,
            name: 'book',
            title: 'Verified book of a symbol',
            description:
              'The checksum-verified order book of an allowed symbol, e.g. kraken://book/BTC/USD.',
            mimeType: 'application/json',
          },
        ],
      }))
      server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
        const uri = request.params.uri
        return {
          contents: [
            {
              uri,
              mimeType: 'application/json',
              text: await readOrThrow(read, uri),
            },
          ],
        }
      })
      server.setRequestHandler(SubscribeRequestSchema, async (request) => {
        await readOrThrow(watcher.subscribe, request.params.uri)
        return {}
      })
      server.setRequestHandler(UnsubscribeRequestSchema, (request) => {
        watcher.unsubscribe(request.params.uri)
        return {}
      })
      server.onclose = () => {
        watcher.close()
        servers.delete(server)
      }
      servers.add(server)
      await server.connect(transport)
      return server
    },
    async close() {
      executions.close()
      await Promise.all([...servers].map((server) => server.close()))
    },
  }
}

/** Runs a resource read; an unknown URI or a missing book becomes MCP's "invalid params". */
async function readOrThrow<T>(
  action: (uri: string) => Promise<T>,
  uri: string,
): Promise<T> {
  try {
    return await action(uri)
  } catch (error) {
    if (
      error instanceof UnknownResourceError ||
      (error instanceof Error && error.name === 'DeskNotFoundError')
    ) {
      throw new McpError(ErrorCode.InvalidParams, error.message)
    }
    throw error
  }
}
