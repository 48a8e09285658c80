import { header, readNonce } from '../auth/getWebSocketsToken.js'
import type { NonceGuard } from '../auth/nonceGuard.js'
import { verifyKrakenSignature } from '../auth/signature.js'
import type { SimulatorCredentials } from '../auth/testCredentials.js'
import type { RestRequest, RestResponse } from '../server/restRouter.js'
import { fail } from './restParams.js'

/** How private REST routes check a request, as `GetWebSocketsToken` does. */
export type SignedRequestCheck = {
  readonly credentials: SimulatorCredentials
  /** Shared with `GetWebSocketsToken`: Kraken's nonce rule is per key, across endpoints. */
  readonly nonces: NonceGuard
}

/**
 * Checks `API-Key`, `API-Sign` over `request.path` and the nonce; returns
 * `true` for a good request, else Kraken's error answer
 * (`EAPI:Invalid key`, `EAPI:Invalid signature`, `EAPI:Invalid nonce`).
 */
export function checkSignedRequest(
  check: SignedRequestCheck,
  request: RestRequest,
): true | RestResponse {
  const apiKey = header(request, 'api-key')
  if (apiKey === undefined || apiKey !== check.credentials.apiKey)
    return fail('EAPI:Invalid key')
  const nonce = readNonce(request.body)
  if (nonce === undefined) return fail('EAPI:Invalid nonce')
  const signature = header(request, 'api-sign') ?? ''
  const signed = verifyKrakenSignature(
    {
      path: request.path,
      nonce,
      body: request.body,
      privateKey: check.credentials.privateKey,
    },
    signature,
  )
  if (!signed) return fail('EAPI:Invalid signature')
  // The nonce is spent only by a correctly signed request.
  if (!check.nonces.accept(apiKey, nonce)) return fail('EAPI:Invalid nonce')
  return true
}
