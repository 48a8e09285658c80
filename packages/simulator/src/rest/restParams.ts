import type { RestRequest, RestResponse } from '../server/restRouter.js'

/**
 * A REST request's parameters: the query string merged with the body, which
 * Kraken takes form-encoded (`nonce=1&pair=XBTUSD`) or as JSON.
 */
export function restParams(request: RestRequest): Map<string, string> {
  const params = new Map<string, string>(request.query)
  const body = request.body.trim()
  if (body.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      return params
    }
    if (typeof parsed === 'object' && parsed !== null)
      for (const [key, value] of Object.entries(parsed))
        if (value !== undefined && value !== null)
          params.set(
            key,
            Array.isArray(value) ? value.join(',') : String(value),
          )
    return params
  }
  for (const [key, value] of new URLSearchParams(body)) params.set(key, value)
  return params
}

/** Kraken's REST success envelope. */
export function ok(result: RestResponse['body']): RestResponse {
  return { body: { error: [], result } }
}

/** Kraken's REST error envelope (HTTP 200, as Kraken answers API errors). */
export function fail(error: string): RestResponse {
  return { body: { error: [error] } }
}

/** Kraken's answer to a parameter it cannot read. */
export const INVALID_ARGUMENTS = 'EGeneral:Invalid arguments'

/** Kraken's answer to a pair it does not know. */
export const UNKNOWN_PAIR = 'EQuery:Unknown asset pair'
