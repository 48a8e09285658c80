import { TransportError, type TransportErrorOptions } from '../errors.js'

/** Base class of token-provider failures. Never carries a key or token. */
export class TokenError extends TransportError {
  override name = 'TokenError'
  constructor(shortMessage: string, options: TransportErrorOptions = {}) {
    super(shortMessage, options)
  }
}

/** Kraken rejected the API key (`EAPI:Invalid key`): retrying cannot help. */
export class InvalidApiKeyError extends TokenError {
  override name = 'InvalidApiKeyError'
  constructor() {
    super('Kraken rejected the API key (EAPI:Invalid key).', {
      details:
        'Check the key pair, and that the key has the "WebSocket interface" permission.',
    })
  }
}

/** The private key is not standard base64. */
export class InvalidPrivateKeyError extends TokenError {
  override name = 'InvalidPrivateKeyError'
  constructor() {
    super('The API private key is not valid base64.', {
      details:
        "Paste the private key exactly as Kraken shows it (88 characters ending in '=').",
    })
  }
}

/**
 * The token endpoint answered with an HTTP error status, or with a redirect
 * (never followed: it would carry the signed headers elsewhere).
 */
export class TokenHttpError extends TokenError {
  override name = 'TokenHttpError'
  readonly status: number
  constructor({ status, details }: { status: number; details?: string }) {
    super(`GetWebSocketsToken answered HTTP ${status}.`, { details })
    this.status = status
  }
}

/** No answer from the token endpoint within `timeout` ms. */
export class TokenTimeoutError extends TokenError {
  override name = 'TokenTimeoutError'
  readonly timeout: number
  constructor({ timeout }: { timeout: number }) {
    super(`GetWebSocketsToken did not answer within ${timeout} ms.`)
    this.timeout = timeout
  }
}

/** The request failed on the network, or Kraken listed errors. */
export class TokenRequestError extends TokenError {
  override name = 'TokenRequestError'
  /** Kraken's `error` list, empty for network failures. */
  readonly krakenErrors: readonly string[]
  constructor({
    krakenErrors = [],
    details,
    cause,
  }: {
    krakenErrors?: readonly string[]
    details?: string
    cause?: unknown
  }) {
    super(
      krakenErrors.length > 0
        ? `GetWebSocketsToken failed: ${krakenErrors.join(', ')}.`
        : 'GetWebSocketsToken failed.',
      { details, cause },
    )
    this.krakenErrors = krakenErrors
  }
}

/** The token endpoint answered 2xx with an unexpected body. */
export class TokenResponseError extends TokenError {
  override name = 'TokenResponseError'
  constructor({ details }: { details: string }) {
    super('GetWebSocketsToken answered with an unexpected body.', { details })
  }
}

/**
 * The caller's `AbortSignal` aborted `getToken()` before a token arrived
 * (for example the client is stopping). `cause` is the signal's reason.
 */
export class TokenAbortedError extends TokenError {
  override name = 'TokenAbortedError'
  constructor({ cause }: { cause?: unknown } = {}) {
    super('GetWebSocketsToken was aborted by the caller.', { cause })
  }
}
