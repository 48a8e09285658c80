import { TokenResponseError } from './errors.js'

/** Longest token accepted; Kraken's are 43 characters. */
export const MAX_TOKEN_LENGTH = 256

// Kraken's tokens are base64 text; url-safe base64 is allowed too.
const TOKEN_CHARS = /^[A-Za-z0-9+/=_-]+$/

/**
 * Checks a token from the endpoint before anything sends it on a socket:
 * a string of base64 characters, at most {@link MAX_TOKEN_LENGTH} long. The
 * message never repeats the token.
 * @throws {TokenResponseError}
 */
export function checkTokenText(token: unknown): string {
  if (typeof token !== 'string' || token === '')
    throw new TokenResponseError({ details: 'result.token is missing' })
  if (token.length > MAX_TOKEN_LENGTH)
    throw new TokenResponseError({
      details: `result.token is longer than ${MAX_TOKEN_LENGTH} characters`,
    })
  if (!TOKEN_CHARS.test(token))
    throw new TokenResponseError({
      details: 'result.token has characters outside base64',
    })
  return token
}
