import { InvalidPrivateKeyError } from './errors.js'

const encoder = new TextEncoder()
const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * Decodes a standard, padded base64 string. Stricter than `atob`, which
 * silently accepts whitespace and missing padding.
 * @throws {InvalidPrivateKeyError}
 */
export function decodePrivateKey(text: string): Uint8Array<ArrayBuffer> {
  if (text === '' || !BASE64.test(text)) throw new InvalidPrivateKeyError()
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/**
 * Imports a base64 private key as a non-extractable HMAC-SHA512 key.
 * @throws {InvalidPrivateKeyError}
 */
export function importPrivateKey(privateKey: string): Promise<CryptoKey> {
  const bytes = decodePrivateKey(privateKey)
  return globalThis.crypto.subtle.importKey(
    'raw',
    bytes,
    { name: 'HMAC', hash: 'SHA-512' },
    false,
    ['sign'],
  )
}

/** Parameters of {@link signKrakenRequest}. */
export type SignKrakenRequestParameters = {
  /** Base64 API private key, or a key from `importPrivateKey`. */
  privateKey: string | CryptoKey
  /** URI path starting at `/0/private`. */
  path: string
  /** The nonce, as written in the body. */
  nonce: string
  /** The exact request body (form-encoded, including `nonce=`). */
  body: string
}

/**
 * Computes Kraken's `API-Sign` header: base64 of HMAC-SHA512, keyed with the
 * decoded private key, over the path followed by the raw SHA-256 of
 * nonce + body. Uses WebCrypto, so it runs on any server runtime.
 *
 * @see https://docs.kraken.com/api/docs/guides/spot-rest-auth
 * @throws {InvalidPrivateKeyError}
 * @example
 * ```ts
 * import { signKrakenRequest } from '@kraken-sockets/transport'
 * const sign = await signKrakenRequest({ privateKey, path: '/0/private/GetWebSocketsToken', nonce, body: `nonce=${nonce}` })
 * ```
 */
export async function signKrakenRequest({
  privateKey,
  path,
  nonce,
  body,
}: SignKrakenRequestParameters): Promise<string> {
  const key =
    typeof privateKey === 'string'
      ? await importPrivateKey(privateKey)
      : privateKey
  const { subtle } = globalThis.crypto
  const digest = new Uint8Array(
    await subtle.digest('SHA-256', encoder.encode(nonce + body)),
  )
  const pathBytes = encoder.encode(path)
  const message = new Uint8Array(pathBytes.length + digest.length)
  message.set(pathBytes)
  message.set(digest, pathBytes.length)
  const signature = new Uint8Array(await subtle.sign('HMAC', key, message))
  let binary = ''
  for (const byte of signature) binary += String.fromCharCode(byte)
  return btoa(binary)
}
