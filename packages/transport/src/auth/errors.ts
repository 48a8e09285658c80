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

// What to do about each Kraken error a signed request can get, so the
// advice is in the message and not left for the user to look up.
const KRAKEN_ERROR_ADVICE: Readonly<Record<string, string>> = {
  'EAPI:Invalid nonce':
    'The nonce was not above the last one used with this API key: another program is using the same key, or the clock went back. Give each program its own key.',
  'EAPI:Invalid signature':
    'The private key does not sign for this API key: paste both exactly as Kraken shows them, from the same key pair.',
  'EGeneral:Permission denied':
    'The API key lacks a permission this needs: enable "WebSocket interface" (and the trading permissions the bot uses) on the key in Kraken\'s API settings.',
}

/** What to do about Kraken's errors, one sentence each, for those known. */
function adviceFor(krakenErrors: readonly string[]): string | undefined {
  const advice = krakenErrors.flatMap((text) => {
    const code = Object.keys(KRAKEN_ERROR_ADVICE).find((known) =>
      text.startsWith(known),
    )
    return code === undefined ? [] : [KRAKEN_ERROR_ADVICE[code] as string]
  })
  return advice.length === 0 ? undefined : advice.join(' ')
}

/**
 * The request failed on the network, or Kraken listed errors. For Kraken's
 * known errors (invalid nonce or signature, permission denied) `details`
 * says what to do.
 */
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
      { details: details ?? adviceFor(krakenErrors), cause },
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
