/** Options every gateway error takes. */
export interface GatewayErrorOptions {
  /** Extra detail, if any. */
  details?: string | undefined
  cause?: unknown
}

/** Base of every error this package throws or reports. */
export class GatewayError extends Error {
  override name = 'GatewayError'
  /** One sentence, without detail. */
  readonly shortMessage: string
  /** Extra detail, if any. */
  readonly details: string | undefined

  constructor(shortMessage: string, options: GatewayErrorOptions = {}) {
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

/** A gateway or transport option is invalid. */
export class GatewayConfigError extends GatewayError {
  override name = 'GatewayConfigError'
}

/** A request to the gateway (demand, trading) is malformed. */
export class GatewayRequestError extends GatewayError {
  override name = 'GatewayRequestError'
}

/** No gateway answered a request on NATS in time. */
export class GatewayUnavailableError extends GatewayError {
  override name = 'GatewayUnavailableError'
}
