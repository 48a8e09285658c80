import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/** What Kraken signs for a private REST call. */
export type SignatureInput = {
  /** The URI path, starting at `/0/private`, e.g. `/0/private/GetWebSocketsToken`. */
  readonly path: string
  /** The nonce as sent in the body, in decimal. */
  readonly nonce: string
  /** The exact request body, which already contains the nonce. */
  readonly body: string
  /** The base64 API private key. */
  readonly privateKey: string
}

/**
 * Computes Kraken's `API-Sign`: base64 of HMAC-SHA512, keyed by the decoded
 * private key, over the path followed by the raw SHA-256 of nonce + body.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-rest-auth
 * @example
 * ```ts
 * const sign = signKrakenRequest({ path: '/0/private/GetWebSocketsToken', nonce: '1', body: 'nonce=1', privateKey })
 * ```
 */
export function signKrakenRequest(input: SignatureInput): string {
  const digest = createHash('sha256')
    .update(input.nonce + input.body, 'utf8')
    .digest()
  return createHmac('sha512', Buffer.from(input.privateKey, 'base64'))
    .update(Buffer.concat([Buffer.from(input.path, 'utf8'), digest]))
    .digest('base64')
}

/**
 * Whether `signature` is Kraken's `API-Sign` of `input`, compared in
 * constant time.
 */
export function verifyKrakenSignature(
  input: SignatureInput,
  signature: string,
): boolean {
  const expected = Buffer.from(signKrakenRequest(input), 'base64')
  const given = Buffer.from(signature, 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
