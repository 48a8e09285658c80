import { parseArgs } from 'node:util'
import { createDesk, type Desk, startDesk } from '@kraken-sockets/desk'
import { type Simulator, startSimulator } from '@kraken-sockets/simulator'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { WebSocket } from 'ws'
import { McpUsageError } from '../errors.js'
import { mcpMount } from '../http/mcpMount.js'
import {
  type AuditLog,
  defaultAuditLogPath,
  openAuditLog,
} from '../safety/auditLog.js'
import { createKrakenMcp } from '../server/krakenMcp.js'

/** The CLI's help text. */
export const MCP_USAGE = `Usage: kraken-mcp [--live] [options]

  (default)              the embedded simulator, paper mode: nothing to configure, no keys
  --live                 real Kraken, real orders; keys from KRAKEN_REST_API_KEY and
                         KRAKEN_REST_API_PRIVATE_KEY; every new order is first sent
                         with validate: true
  --http                 serve MCP at /mcp on the desk's HTTP server (bearer token)
                         instead of stdio
  --port <n>             the desk's port with --http (default 8787; 0 picks one)
  --token-file <path>    the desk's token file with --http
  --symbols <list>       allowed pairs, comma-separated (default BTC/USD,ETH/USD)
  --max-notional <n>     largest order value in the quote currency (default 1000)
  --audit-log <path>     the append-only audit log (default ${defaultAuditLogPath()})
  --notify-interval <ms> least time between two updates of one resource (default 1000)
  --help                 this text

Over stdio, stdout carries MCP only; messages go to stderr.`

/** What `runMcpCli` started. */
export interface McpCli {
  readonly desk: Desk
  readonly simulator: Simulator | undefined
  readonly audit: AuditLog
  /** `http://host:port` with `--http`. */
  readonly url: string | undefined
  /** Stops the server, the desk and the simulator, and closes the audit log. */
  close(): Promise<void>
}

const number = (name: string, text: string | undefined) => {
  if (text === undefined) return undefined
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < 0)
    throw new McpUsageError(`${name} must be a number, got "${text}".`)
  return value
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        live: { type: 'boolean' },
        http: { type: 'boolean' },
        port: { type: 'string' },
        'token-file': { type: 'string' },
        symbols: { type: 'string' },
        'max-notional': { type: 'string' },
        'audit-log': { type: 'string' },
        'notify-interval': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values
  } catch (error) {
    throw new McpUsageError(
      error instanceof Error ? error.message : String(error),
    )
  }
}

/**
 * Parses `argv`, starts the venue (the embedded simulator unless `--live`),
 * the desk and the MCP server on stdio or, with `--http`, on the desk's
 * HTTP server. Messages go to `print` (stderr in the CLI: stdout is MCP's).
 * Resolves `undefined` for `--help`.
 * @throws {McpUsageError} on a bad command line or `--live` without keys.
 * @throws {AuditLogError} when the audit log cannot be opened.
 */
export async function runMcpCli(
  argv: readonly string[],
  print: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<McpCli | undefined> {
  const values = parse(argv)
  if (values.help === true) {
    print(MCP_USAGE)
    return undefined
  }
  const live = values.live === true
  const apiKey = env.KRAKEN_REST_API_KEY
  const privateKey = env.KRAKEN_REST_API_PRIVATE_KEY
  if (live && (apiKey === undefined || privateKey === undefined)) {
    throw new McpUsageError(
      '--live needs KRAKEN_REST_API_KEY and KRAKEN_REST_API_PRIVATE_KEY in the environment.',
    )
  }
  const symbols = values.symbols
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const maxOrderNotional = number('--max-notional', values['max-notional'])
  const notifyInterval = number('--notify-interval', values['notify-interval'])
  const port = number('--port', values.port)
  const audit = await openAuditLog(values['audit-log'] ?? defaultAuditLogPath())
  const simulator = live ? undefined : await startSimulator({})
  const logger = (message: string, level: string) =>
    print(`kraken-mcp [${level}] ${message}`)
  const deskOptions = {
    mode: live ? ('live' as const) : ('paper' as const),
    risk: {
      ...(symbols === undefined ? {} : { symbols }),
      ...(maxOrderNotional === undefined ? {} : { maxOrderNotional }),
    },
    kraken:
      simulator === undefined
        ? { WebSocket, apiKey, privateKey, logger }
        : {
            ...simulator.clientOptions(),
            WebSocket,
            logger,
          },
  }
  const venue =
    simulator === undefined
      ? 'Kraken (LIVE)'
      : `the embedded simulator (${simulator.publicUrl})`
  try {
    if (values.http === true) {
      const running = await startDesk({
        ...deskOptions,
        port: port ?? 8787,
        tokenFile: values['token-file'],
        mounts: [mcpMount({ audit, notifyInterval })],
      })
      print(`kraken-mcp: ${running.desk.mode} mode on ${venue}`)
      print(`kraken-mcp: MCP (Streamable HTTP) at ${running.url}/mcp`)
      print(`kraken-mcp: bearer tokens in ${running.tokenFile}`)
      print(`kraken-mcp: audit log ${audit.path}`)
      return {
        desk: running.desk,
        simulator,
        audit,
        url: running.url,
        async close() {
          await running.close()
          await simulator?.close()
          await audit.close()
        },
      }
    }
    const desk = createDesk(deskOptions)
    try {
      await desk.start()
    } catch (error) {
      await desk.stop()
      throw error
    }
    const mcp = createKrakenMcp({ desk, audit, notifyInterval })
    await mcp.connect(new StdioServerTransport())
    print(`kraken-mcp: ${desk.mode} mode on ${venue}, MCP on stdio`)
    print(`kraken-mcp: audit log ${audit.path}`)
    return {
      desk,
      simulator,
      audit,
      url: undefined,
      async close() {
        await mcp.close()
        await desk.stop()
        await simulator?.close()
        await audit.close()
      },
    }
  } catch (error) {
    await simulator?.close()
    await audit.close()
    throw error
  }
}
