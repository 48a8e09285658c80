#!/usr/bin/env node
import { DeskError } from '@kraken-sockets/desk'
import { MCP_USAGE, runMcpCli } from './cli/runMcpCli.js'
import { McpUsageError } from './errors.js'

// stdout carries MCP's JSON-RPC: every human message goes to stderr.
const print = (line: string) => {
  process.stderr.write(`${line}\n`)
}

/** The `kraken-mcp` command: runs until stdin ends (stdio), SIGINT or SIGTERM. */
async function main(): Promise<void> {
  const cli = await runMcpCli(process.argv.slice(2), print)
  if (cli === undefined) return
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    cli.close().then(
      () => {
        print('kraken-mcp stopped')
        process.exit(process.exitCode ?? 0)
      },
      (error: unknown) => {
        print(String(error))
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // The client closed our stdin: the session is over.
  if (cli.url === undefined) process.stdin.on('end', stop)
}

main().catch((error: unknown) => {
  if (error instanceof McpUsageError) print(`${error.message}\n\n${MCP_USAGE}`)
  else if (error instanceof DeskError) print(error.message)
  else print(String(error))
  process.exitCode = 1
})
