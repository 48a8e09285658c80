import { DeskError, type DeskErrorOptions } from '@kraken-sockets/desk'

/** Options every MCP package error takes (the desk's). */
export type McpErrorOptions = DeskErrorOptions

/**
 * Base class of the MCP package's own errors: a {@link DeskError}, so that
 * one `instanceof DeskError` covers both layers.
 */
export class KrakenMcpError extends DeskError {
  override name = 'KrakenMcpError'
}

/** A bad `kraken-mcp` command line, or `--live` without keys. */
export class McpUsageError extends KrakenMcpError {
  override name = 'McpUsageError'
}

/** The audit log cannot be opened or written: money-changing calls stop. */
export class AuditLogError extends KrakenMcpError {
  override name = 'AuditLogError'
}

/** A resource URI this server does not serve. */
export class UnknownResourceError extends KrakenMcpError {
  override name = 'UnknownResourceError'
}
