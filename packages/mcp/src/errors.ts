/** Options every MCP package error takes. */
export interface McpErrorOptions {
  /** More detail than the one-sentence message. */
  readonly details?: string | undefined
  /** The underlying error. */
  readonly cause?: unknown
}

/** Base class of the MCP package's own errors. */
export class KrakenMcpError extends Error {
  override name = 'KrakenMcpError'
  /** One sentence, without the details. */
  readonly shortMessage: string
  /** More detail, when there is any. */
  readonly details: string | undefined

  constructor(shortMessage: string, options: McpErrorOptions = {}) {
    super(
      options.details === undefined
        ? shortMessage
        : `${shortMessage}\n\nDetails: ${options.details}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.shortMessage = shortMessage
    this.details = options.details
  }
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
