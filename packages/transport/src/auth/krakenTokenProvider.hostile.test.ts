import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { inspect } from 'node:util'
import { afterEach, describe, expect, test } from 'vitest'
import { InvalidUrlError } from '../errors.js'
import {
  TokenAbortedError,
  TokenHttpError,
  TokenResponseError,
} from './errors.js'
import { krakenTokenProvider } from './krakenTokenProvider.js'

/*
 * The token endpoint as a hostile or broken server would behave: real HTTP
 * servers on loopback that redirect, stream endless bodies, return tokens
 * that are not tokens, or never answer.
 */

const PRIVATE_KEY =
  'kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg=='
const API_KEY = 'api-key-SECRET-123'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

/** A loopback server; `requests` lists what reached it (path and headers). */
async function server(handler: Handler) {
  const requests: Array<{ path: string; headers: IncomingMessage['headers'] }> =
    []
  const http = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers })
    req.resume()
    req.on('end', () => handler(req, res))
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      }),
  )
  const address = http.address()
  const port =
    typeof address === 'object' && address !== null ? address.port : 0
  return { url: `http://127.0.0.1:${port}`, requests }
}

const provider = (restUrl: string, extra: { maxBodyBytes?: number } = {}) =>
  krakenTokenProvider({
    apiKey: API_KEY,
    privateKey: PRIVATE_KEY,
    restUrl,
    ...extra,
  })

const tokenJson = (token: string) =>
  JSON.stringify({ error: [], result: { token, expires: 900 } })

describe('redirects', () => {
  test('error: a 307 to another origin is not followed; the signed headers stay home', async () => {
    const elsewhere = await server((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(tokenJson('stolen'))
    })
    const home = await server((_, res) => {
      res.writeHead(307, {
        Location: `${elsewhere.url}/0/private/GetWebSocketsToken`,
      })
      res.end()
    })
    const error = await provider(home.url)
      .getToken()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TokenHttpError)
    expect(error).toMatchObject({ status: 307 })
    expect(String(error)).toMatch(/redirect/)
    expect(home.requests).toHaveLength(1)
    expect(elsewhere.requests).toHaveLength(0)
  })

  test('error: a redirect to the same origin is not followed either', async () => {
    const home = await server((req, res) => {
      if (req.url === '/elsewhere') {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(tokenJson('abc'))
        return
      }
      res.writeHead(308, { Location: '/elsewhere' })
      res.end()
    })
    await expect(provider(home.url).getToken()).rejects.toMatchObject({
      name: 'TokenHttpError',
      status: 308,
    })
    expect(home.requests.map((r) => r.path)).toEqual([
      '/0/private/GetWebSocketsToken',
    ])
  })
})

describe('body size', () => {
  test('error: an endless chunked body is cut at the cap while it streams', async () => {
    let written = 0
    let closed = false
    const endless = await server((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const chunk = Buffer.alloc(16_384, 0x20)
      res.write('{"error":[],"result":{"token":"')
      const pump = () => {
        while (!closed && res.write(chunk)) written += chunk.length
        if (!closed) res.once('drain', pump)
      }
      res.on('close', () => {
        closed = true
      })
      pump()
    })
    const error = await provider(endless.url)
      .getToken()
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TokenResponseError)
    expect(String(error)).toMatch(/larger than 65536 bytes/)
    // The client stopped reading: the server could not push megabytes.
    await expect.poll(() => closed, { timeout: 10_000 }).toBe(true)
    expect(written).toBeLessThan(8 * 1024 * 1024)
  })

  test('error: a declared Content-Length over the cap is refused unread', async () => {
    const large = await server((_, res) => {
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Content-Length': String(10_000),
      })
      res.end(
        `{"error":[],"result":{"token":"${'A'.repeat(10_000 - 34)}"}}`.slice(
          0,
          10_000,
        ),
      )
    })
    await expect(
      provider(large.url, { maxBodyBytes: 1024 }).getToken(),
    ).rejects.toThrow(/larger than 1024 bytes/)
    // The same answer under a cap it fits is read.
    await expect(
      provider(large.url, { maxBodyBytes: 20_000 }).getToken(),
    ).rejects.toBeInstanceOf(TokenResponseError)
  })
})

describe('token text', () => {
  test('error: tokens too long or outside base64 are refused, and not repeated', async () => {
    const bad = [
      'A'.repeat(257),
      'abc def',
      'abc\r\nX-Injected: 1',
      'tok"en',
      'tök',
      'abc\u2028',
    ]
    let i = 0
    const home = await server((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(tokenJson(bad[i++] ?? ''))
    })
    const tokens = provider(home.url)
    for (const token of bad) {
      const error = await tokens.getToken().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TokenResponseError)
      expect(inspect(error, { depth: 5 })).not.toContain(token)
    }
  })

  test('default: base64 and url-safe tokens of up to 256 characters pass', async () => {
    const good = [
      '1Dwc4lzSwNWOAwkMdqhssNNFhs1ed606d1WcF3XfEMw',
      'a+b/c=',
      'a-b_c',
      'B'.repeat(256),
    ]
    let i = 0
    const home = await server((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(tokenJson(good[i++] ?? ''))
    })
    const tokens = provider(home.url)
    for (const token of good) expect(await tokens.getToken()).toBe(token)
  })
})

describe('abort', () => {
  test('behavior: aborting the only caller rejects at once and cancels the request', async () => {
    let connectionClosed = false
    const silent = await server((req) => {
      req.socket.on('close', () => {
        connectionClosed = true
      })
    })
    const tokens = provider(silent.url)
    const controller = new AbortController()
    const token = tokens.getToken({ signal: controller.signal })
    await expect.poll(() => silent.requests.length).toBe(1)
    const reason = new Error('stopping')
    controller.abort(reason)
    const error = await token.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TokenAbortedError)
    expect(error).toMatchObject({ cause: reason })
    await expect.poll(() => connectionClosed, { timeout: 10_000 }).toBe(true)
  })

  test('behavior: one caller aborting leaves the shared request to the others', async () => {
    const answers: ServerResponse[] = []
    const slow = await server((_, res) => {
      answers.push(res)
    })
    const tokens = provider(slow.url)
    const leaving = new AbortController()
    const first = tokens.getToken({ signal: leaving.signal })
    const staying = new AbortController()
    const second = tokens.getToken({ signal: staying.signal })
    await expect.poll(() => answers.length).toBe(1)
    leaving.abort()
    await expect(first).rejects.toBeInstanceOf(TokenAbortedError)
    answers[0]?.writeHead(200, { 'Content-Type': 'application/json' })
    answers[0]?.end(tokenJson('shared'))
    expect(await second).toBe('shared')
    expect(slow.requests).toHaveLength(1)
  })

  test('error: an already aborted signal sends nothing', async () => {
    const home = await server((_, res) => res.end(tokenJson('x')))
    const error = await provider(home.url)
      .getToken({ signal: AbortSignal.abort() })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(TokenAbortedError)
    expect(home.requests).toHaveLength(0)
  })

  test('behavior: after every caller aborted, the next call fetches afresh', async () => {
    let n = 0
    const home = await server((_, res) => {
      // The first request is never answered.
      if (n++ === 0) return
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(tokenJson('fresh'))
    })
    const tokens = provider(home.url)
    const controller = new AbortController()
    const first = tokens.getToken({ signal: controller.signal })
    await expect.poll(() => home.requests.length).toBe(1)
    controller.abort()
    await expect(first).rejects.toBeInstanceOf(TokenAbortedError)
    expect(await tokens.getToken()).toBe('fresh')
  })
})

test('error: plain http on a *.localhost name is refused', () => {
  expect(() => provider('http://api.kraken.com.localhost:8080')).toThrow(
    InvalidUrlError,
  )
})
