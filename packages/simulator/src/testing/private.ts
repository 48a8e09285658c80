import { GET_WEBSOCKETS_TOKEN_PATH } from '../auth/getWebSocketsToken.js'
import { signKrakenRequest } from '../auth/signature.js'
import { DEFAULT_TEST_CREDENTIALS } from '../auth/testCredentials.js'
import type { Simulator } from '../simulator.js'
import { connect, type TestClient } from './client.js'

let lastNonce = Date.now() * 1000

/** Options of {@link fetchToken}: what to sign with and what to change. */
export type FetchTokenOptions = {
  readonly apiKey?: string
  readonly privateKey?: string
  readonly nonce?: string
  /** Replaces the signature (to send a bad one). */
  readonly sign?: string
}

/**
 * Calls `POST /0/private/GetWebSocketsToken` on the simulator with plain
 * `fetch`, signed as Kraken documents; resolves with the HTTP status and
 * the JSON body.
 */
export async function fetchToken(
  simulator: Pick<Simulator, 'restUrl'>,
  options: FetchTokenOptions = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const nonce = options.nonce ?? String(++lastNonce)
  const body = `nonce=${nonce}`
  const sign =
    options.sign ??
    signKrakenRequest({
      path: GET_WEBSOCKETS_TOKEN_PATH,
      nonce,
      body,
      privateKey: options.privateKey ?? DEFAULT_TEST_CREDENTIALS.privateKey,
    })
  const response = await fetch(
    `${simulator.restUrl}${GET_WEBSOCKETS_TOKEN_PATH}`,
    {
      method: 'POST',
      headers: {
        'API-Key': options.apiKey ?? DEFAULT_TEST_CREDENTIALS.apiKey,
        'API-Sign': sign,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
    },
  )
  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
  }
}

/** Fetches a WS token with the default test credentials, or throws. */
export async function tokenOf(
  simulator: Pick<Simulator, 'restUrl'>,
): Promise<string> {
  const { json } = await fetchToken(simulator)
  const result = json.result as { token?: unknown } | undefined
  if (typeof result?.token !== 'string')
    throw new Error(`no token: ${JSON.stringify(json.error)}`)
  return result.token
}

/** A parsed frame. */
export type Frame = Record<string, unknown>

/** A private test client: its token, and helpers that send with it. */
export type PrivateClient = TestClient & {
  readonly token: string
  /** Parsed frames received from index `from` on (JSON ones only). */
  since(from: number): Frame[]
  /**
   * Sends `method` with the token added to `params`, waits until
   * everything it caused has arrived (a ping round trip), and resolves with
   * its responses and every frame that arrived meanwhile.
   */
  request(
    method: string,
    params: Frame,
    reqId: number,
  ): Promise<{ response: Frame; responses: Frame[]; frames: Frame[] }>
}

function parseFrame(text: string): Frame | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null
      ? (value as Frame)
      : undefined
  } catch {
    return undefined
  }
}

/** Connects to the private endpoint with a token fetched over REST. */
export async function connectPrivate(
  simulator: Simulator,
): Promise<PrivateClient> {
  const token = await tokenOf(simulator)
  const client = await connect(simulator.privateUrl)
  const since = (from: number) =>
    client.frames
      .slice(from)
      .map(parseFrame)
      .filter((f): f is Frame => f !== undefined)
  return Object.assign(client, {
    token,
    since,
    async request(method: string, params: Frame, reqId: number) {
      const mark = client.frames.length
      client.send({ method, params: { ...params, token }, req_id: reqId })
      await client.sync()
      const frames = since(mark).filter((f) => f.method !== 'pong')
      const responses = frames.filter((f) => f.req_id === reqId)
      const response = responses[0]
      if (response === undefined) throw new Error(`no response to ${reqId}`)
      return { response, responses, frames }
    },
  })
}
