import { signKrakenRequest } from '../auth/signature.js'
import { DEFAULT_TEST_CREDENTIALS } from '../auth/testCredentials.js'

let lastNonce = Date.now() * 1000 + 500_000

/** Options of {@link callPrivate}. */
export type CallPrivateOptions = {
  readonly apiKey?: string
  readonly privateKey?: string
  readonly nonce?: string
  /** Replaces the signature (to send a bad one). */
  readonly sign?: string
}

/**
 * Calls a private REST method (`Balance`, `OpenOrders`...) on `restUrl`
 * with plain `fetch`, form-encoded and signed as Kraken documents.
 */
export async function callPrivate(
  restUrl: string,
  method: string,
  params: Record<string, string> = {},
  options: CallPrivateOptions = {},
): Promise<Record<string, unknown>> {
  const nonce = options.nonce ?? String(++lastNonce)
  const body = new URLSearchParams({ nonce, ...params }).toString()
  const path = `/0/private/${method}`
  const sign =
    options.sign ??
    signKrakenRequest({
      path,
      nonce,
      body,
      privateKey: options.privateKey ?? DEFAULT_TEST_CREDENTIALS.privateKey,
    })
  const response = await fetch(`${restUrl}${path}`, {
    method: 'POST',
    headers: {
      'API-Key': options.apiKey ?? DEFAULT_TEST_CREDENTIALS.apiKey,
      'API-Sign': sign,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body,
  })
  return (await response.json()) as Record<string, unknown>
}

/** Calls a public REST method with `GET` and query parameters. */
export async function callPublic(
  restUrl: string,
  method: string,
  params: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const query = new URLSearchParams(params).toString()
  const response = await fetch(
    `${restUrl}/0/public/${method}${query === '' ? '' : `?${query}`}`,
  )
  return (await response.json()) as Record<string, unknown>
}
