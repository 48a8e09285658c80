import { describe, expect, test } from 'vitest'
import { DEFAULT_TEST_CREDENTIALS } from '../auth/testCredentials.js'
import type { TestClient } from '../testing/client.js'
import { closeAfterEach } from '../testing/lifecycle.js'
import { fetchToken, tokenOf } from '../testing/private.js'

const open = closeAfterEach()

const { start, connect: client } = open

/** Subscribes to executions with `token` and resolves with the answer. */
async function subscribeExecutions(
  c: TestClient,
  token: unknown,
  reqId: number,
) {
  c.send({
    method: 'subscribe',
    params: {
      channel: 'executions',
      ...(token === undefined ? {} : { token }),
    },
    req_id: reqId,
  })
  return JSON.parse(await c.next((_, p) => p?.req_id === reqId)) as Record<
    string,
    unknown
  >
}

describe('GetWebSocketsToken over HTTP', () => {
  test('default', async () => {
    const simulator = await start()
    const { status, json } = await fetchToken(simulator)
    expect(status).toBe(200)
    expect(json.error).toEqual([])
    const result = json.result as { token: string; expires: number }
    expect(Object.keys(result).sort()).toEqual(['expires', 'token'])
    expect(result.expires).toBe(900)
    const priv = await client(simulator.privateUrl)
    const ack = await subscribeExecutions(priv, result.token, 1)
    expect(ack).toMatchObject({ method: 'subscribe', success: true })
    // The token never shows in the request log.
    expect(JSON.stringify(simulator.stats.requests())).not.toContain(
      result.token,
    )
  })

  test('error: unknown key, bad signature, reused or decreasing nonce', async () => {
    const simulator = await start()
    expect((await fetchToken(simulator, { apiKey: 'not-a-key' })).json).toEqual(
      { error: ['EAPI:Invalid key'] },
    )
    expect(
      (await fetchToken(simulator, { sign: 'c2lnbmF0dXJl' })).json,
    ).toEqual({ error: ['EAPI:Invalid signature'] })
    const otherSecret = Buffer.alloc(64, 7).toString('base64')
    expect(
      (await fetchToken(simulator, { privateKey: otherSecret })).json,
    ).toEqual({ error: ['EAPI:Invalid signature'] })
    expect((await fetchToken(simulator, { nonce: '500' })).json.error).toEqual(
      [],
    )
    expect((await fetchToken(simulator, { nonce: '500' })).json).toEqual({
      error: ['EAPI:Invalid nonce'],
    })
    expect((await fetchToken(simulator, { nonce: '499' })).json).toEqual({
      error: ['EAPI:Invalid nonce'],
    })
  })

  test('behavior: custom credentials replace the default ones', async () => {
    const privateKey = Buffer.alloc(64, 3).toString('base64')
    const simulator = await start({ apiKey: 'my-test-key', privateKey })
    expect((await fetchToken(simulator)).json).toEqual({
      error: ['EAPI:Invalid key'],
    })
    const { json } = await fetchToken(simulator, {
      apiKey: 'my-test-key',
      privateKey,
    })
    expect(json.error).toEqual([])
  })
})

describe('private sockets need a token', () => {
  test('error: no token or an unknown one gets the live ESession shape', async () => {
    const simulator = await start()
    const priv = await client(simulator.privateUrl)
    for (const [token, reqId] of [
      [undefined, 1],
      ['made-up-token', 2],
      [DEFAULT_TEST_CREDENTIALS.apiKey, 3],
    ] as const) {
      const answer = await subscribeExecutions(priv, token, reqId)
      expect(Object.keys(answer).sort()).toEqual([
        'channel',
        'error',
        'method',
        'req_id',
        'status',
        'success',
        'time_in',
        'time_out',
      ])
      expect(answer).toMatchObject({
        channel: 'executions',
        error: 'ESession:Invalid session',
        status: 'error',
        success: false,
      })
    }
    priv.send({
      method: 'add_order',
      params: { token: 'made-up-token' },
      req_id: 4,
    })
    expect(
      JSON.parse(await priv.next((_, p) => p?.req_id === 4)),
    ).toMatchObject({ error: 'Token(s) not found', success: false })
  })

  test('error: a token unused for 15 minutes expires', async () => {
    let time = Date.parse('2026-09-25T12:00:00Z')
    const simulator = await start({ now: () => time })
    const stale = await tokenOf(simulator)
    const used = await tokenOf(simulator)
    time += 899_000
    const priv = await client(simulator.privateUrl)
    // A use restarts the lifetime; a subscription keeps it alive.
    expect((await subscribeExecutions(priv, used, 1)).success).toBe(true)
    time += 1_000
    expect((await subscribeExecutions(priv, stale, 2)).error).toBe(
      'ESession:Invalid session',
    )
    time += 3_600_000
    priv.send({
      method: 'cancel_all',
      params: { token: used },
      req_id: 3,
    })
    expect(
      JSON.parse(await priv.next((_, p) => p?.req_id === 3)),
    ).toMatchObject({ success: true, result: { count: 0 } })
  })

  test("behavior: auth 'any-token' accepts any non-empty token", async () => {
    const simulator = await start({ auth: 'any-token' })
    const priv = await client(simulator.privateUrl)
    expect((await subscribeExecutions(priv, 'anything', 1)).success).toBe(true)
    const l3 = await client(simulator.level3Url)
    l3.send({
      method: 'subscribe',
      params: { channel: 'level3', symbol: ['BTC/USD'], token: 'x' },
      req_id: 2,
    })
    expect(JSON.parse(await l3.next((_, p) => p?.req_id === 2)).success).toBe(
      true,
    )
    expect((await subscribeExecutions(priv, '', 3)).error).toBe(
      'ESession:Invalid session',
    )
  })
})
