import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { inspect } from 'node:util'
import { afterEach, expect, test, vi } from 'vitest'
import { InvalidConfigError, InvalidUrlError } from '../errors.js'
import {
  InvalidApiKeyError,
  InvalidPrivateKeyError,
  TokenHttpError,
  TokenRequestError,
  TokenResponseError,
  TokenTimeoutError,
} from './errors.js'
import { krakenTokenProvider } from './krakenTokenProvider.js'
import { signKrakenRequest } from './sign.js'

const PRIVATE_KEY =
  'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=='
const API_KEY = 'api-key-SECRET-123'
const TOKEN = '1Dwc4lzSwNWOAwkMdqhssNNFhs1ed606d1WcF3XfEMw'

type Seen = { headers: IncomingMessage['headers']; body: string; path: string }
type Handler = (seen: Seen, res: ServerResponse) => void

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  vi.useRealTimers()
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function restServer(handler: Handler) {
  const seen: Seen[] = []
  const arrivals: Array<() => void> = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString()
    })
    req.on('end', () => {
      const entry = { headers: req.headers, body, path: req.url ?? '' }
      seen.push(entry)
      arrivals.shift()?.()
      handler(entry, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  )
  const address = server.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  return {
    restUrl: `http://127.0.0.1:${port}`,
    seen,
    arrived: () => new Promise<void>((resolve) => arrivals.push(resolve)),
  }
}

const answer = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(body)
}
const tokenBody = (token = TOKEN) =>
  JSON.stringify({ error: [], result: { token, expires: 900 } })

test('default', async () => {
  const rest = await restServer((_, res) => answer(res, 200, tokenBody()))
  const provider = krakenTokenProvider({
    apiKey: API_KEY,
    privateKey: PRIVATE_KEY,
    restUrl: rest.restUrl,
  })
  expect(await provider.getToken()).toBe(TOKEN)
  const [request] = rest.seen
  if (request === undefined) throw new Error('no request')
  expect(request.path).toBe('/0/private/GetWebSocketsToken')
  expect(request.headers['api-key']).toBe(API_KEY)
  expect(request.headers['content-type']).toBe(
    'application/x-www-form-urlencoded',
  )
  const nonce = /^nonce=(\d+)$/.exec(request.body)?.[1]
  expect(nonce).toBeDefined()
  // The server can verify the signature with the same secret.
  expect(request.headers['api-sign']).toBe(
    await signKrakenRequest({
      privateKey: PRIVATE_KEY,
      path: '/0/private/GetWebSocketsToken',
      nonce: nonce ?? '',
      body: request.body,
    }),
  )
})

test('behavior: concurrent callers share one request; later calls fetch fresh', async () => {
  let n = 0
  const rest = await restServer((_, res) =>
    answer(res, 200, tokenBody(`token-${++n}`)),
  )
  const provider = krakenTokenProvider({
    apiKey: API_KEY,
    privateKey: PRIVATE_KEY,
    restUrl: rest.restUrl,
  })
  const tokens = await Promise.all([
    provider.getToken(),
    provider.getToken(),
    provider.getToken(),
  ])
  expect(tokens).toEqual(['token-1', 'token-1', 'token-1'])
  expect(rest.seen).toHaveLength(1)
  expect(await provider.getToken()).toBe('token-2')
})

test('behavior: nonces strictly increase in arrival order, even concurrently', async () => {
  const rest = await restServer((_, res) => answer(res, 200, tokenBody()))
  const providers = Array.from({ length: 4 }, () =>
    krakenTokenProvider({
      apiKey: API_KEY,
      privateKey: PRIVATE_KEY,
      restUrl: rest.restUrl,
    }),
  )
  for (let round = 0; round < 3; round++)
    await Promise.all(providers.map((p) => p.getToken()))
  const nonces = rest.seen.map((s) => BigInt(s.body.replace('nonce=', '')))
  expect(nonces).toHaveLength(12)
  for (let i = 1; i < nonces.length; i++)
    expect((nonces[i] ?? 0n) > (nonces[i - 1] ?? 0n)).toBe(true)
})

test('error: timeout', async () => {
  const rest = await restServer(() => {})
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  const provider = krakenTokenProvider({
    apiKey: API_KEY,
    privateKey: PRIVATE_KEY,
    restUrl: rest.restUrl,
    timeout: 2_000,
  })
  const arrived = rest.arrived()
  const token = provider.getToken()
  token.catch(() => {})
  await arrived
  vi.advanceTimersByTime(2_000)
  await expect(token).rejects.toBeInstanceOf(TokenTimeoutError)
  await expect(token).rejects.toMatchObject({ timeout: 2_000 })
})

test('error: Kraken rejects the key', async () => {
  const rest = await restServer((_, res) =>
    answer(res, 200, '{"error":["EAPI:Invalid key"]}'),
  )
  const provider = krakenTokenProvider({
    apiKey: API_KEY,
    privateKey: PRIVATE_KEY,
    restUrl: rest.restUrl,
  })
  const error = await provider.getToken().catch((e: unknown) => e)
  expect(error).toBeInstanceOf(InvalidApiKeyError)
  expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(API_KEY)
})

test('error: other Kraken errors, HTTP 500 and bad bodies', async () => {
  const replies = [
    [200, '{"error":["EAPI:Invalid nonce"]}'],
    [500, 'oops'],
    [200, 'not json'],
    [200, '{"error":[],"result":{}}'],
  ] as const
  let i = 0
  const rest = await restServer((_, res) => {
    const [status, body] = replies[i++] ?? [500, '']
    answer(res, status, body)
  })
  const provider = krakenTokenProvider({
    apiKey: API_KEY,
    privateKey: PRIVATE_KEY,
    restUrl: rest.restUrl,
  })
  const nonce = await provider.getToken().catch((e: unknown) => e)
  expect(nonce).toBeInstanceOf(TokenRequestError)
  expect(nonce).toMatchObject({ krakenErrors: ['EAPI:Invalid nonce'] })
  const http = await provider.getToken().catch((e: unknown) => e)
  expect(http).toBeInstanceOf(TokenHttpError)
  expect(http).toMatchObject({ status: 500 })
  await expect(provider.getToken()).rejects.toBeInstanceOf(TokenResponseError)
  await expect(provider.getToken()).rejects.toThrow(/result.token/)
})

test('error: network failure', async () => {
  const rest = await restServer((_, res) => answer(res, 200, tokenBody()))
  const down = rest.restUrl.replace(/:\d+$/, ':1')
  const provider = krakenTokenProvider({
    apiKey: API_KEY,
    privateKey: PRIVATE_KEY,
    restUrl: down,
  })
  await expect(provider.getToken()).rejects.toBeInstanceOf(TokenRequestError)
})

test('error: malformed private key, empty API key, insecure URL', () => {
  expect(() =>
    krakenTokenProvider({ apiKey: API_KEY, privateKey: 'not-base64!!' }),
  ).toThrow(InvalidPrivateKeyError)
  try {
    krakenTokenProvider({ apiKey: API_KEY, privateKey: 'SECRET-NOT-B64' })
  } catch (error) {
    expect(inspect(error, { depth: 10 })).not.toContain('SECRET-NOT-B64')
  }
  expect(() =>
    krakenTokenProvider({ apiKey: '', privateKey: PRIVATE_KEY }),
  ).toThrow(InvalidConfigError)
  expect(() =>
    krakenTokenProvider({
      apiKey: API_KEY,
      privateKey: PRIVATE_KEY,
      restUrl: 'http://api.kraken.com',
    }),
  ).toThrow(InvalidUrlError)
})

test('behavior: inspect() of the provider shows no secret', async () => {
  const rest = await restServer((_, res) => answer(res, 200, tokenBody()))
  const provider = krakenTokenProvider({
    apiKey: API_KEY,
    privateKey: PRIVATE_KEY,
    restUrl: rest.restUrl,
  })
  await provider.getToken()
  const text = inspect(provider, {
    depth: Infinity,
    showHidden: true,
    getters: true,
  })
  for (const secret of [API_KEY, PRIVATE_KEY, TOKEN])
    expect(text).not.toContain(secret)
  expect(JSON.stringify(provider)).not.toContain(API_KEY)
})
