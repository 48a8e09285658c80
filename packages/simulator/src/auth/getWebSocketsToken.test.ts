import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import {
  createGetWebSocketsTokenHandler,
  GET_WEBSOCKETS_TOKEN_PATH,
} from './getWebSocketsToken.js'
import { signKrakenRequest } from './signature.js'
import { DEFAULT_TEST_CREDENTIALS } from './testCredentials.js'
import { createTokenStore } from './tokenStore.js'

const { apiKey, privateKey } = DEFAULT_TEST_CREDENTIALS

function signed(nonce: string, body = `nonce=${nonce}`) {
  const sign = signKrakenRequest({
    path: GET_WEBSOCKETS_TOKEN_PATH,
    nonce,
    body,
    privateKey,
  })
  return { headers: { 'api-key': apiKey, 'api-sign': sign }, body }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createGetWebSocketsTokenHandler', () => {
  test('default', () => {
    const tokens = createTokenStore()
    const handle = createGetWebSocketsTokenHandler({ tokens })
    const response = handle(signed('1700000000000'))
    expect(response.status).toBe(200)
    if (response.json.error.length !== 0 || !('result' in response.json))
      throw new Error('expected a token')
    const { token, expires } = response.json.result
    expect(expires).toBe(900)
    expect(tokens.validate(token)).toBe(true)
    expect(tokens.ownerOf(token)).toBe(apiKey)
  })

  test('behavior: the response has the shape of Kraken sample', () => {
    const samples = JSON.parse(
      readFileSync(
        join(
          import.meta.dirname,
          '../../../../fixtures/kraken-v2/samples.json',
        ),
        'utf8',
      ),
    ) as { channel_or_method: string; message: { result: object } }[]
    const sample = samples.find((s) =>
      s.channel_or_method.includes('GetWebSocketsToken'),
    )
    const handle = createGetWebSocketsTokenHandler({
      tokens: createTokenStore(),
    })
    const { json } = handle(signed('5'))
    expect(Object.keys(json).sort()).toEqual(
      Object.keys(sample?.message ?? {}).sort(),
    )
    if (!('result' in json)) throw new Error('expected a token')
    expect(Object.keys(json.result).sort()).toEqual(
      Object.keys(sample?.message.result ?? {}).sort(),
    )
    expect(json.result.token).toHaveLength(43)
  })

  test('behavior: accepts Header-Case names and a JSON body', () => {
    const handle = createGetWebSocketsTokenHandler({
      tokens: createTokenStore(),
    })
    const body = '{"nonce":18446744073709551000}'
    const { headers } = signed('18446744073709551000', body)
    const response = handle({
      headers: {
        'API-Key': headers['api-key'],
        'API-Sign': headers['api-sign'],
      },
      body,
    })
    expect(response.json.error).toEqual([])
  })

  test('error: unknown or missing key', () => {
    const handle = createGetWebSocketsTokenHandler({
      tokens: createTokenStore(),
    })
    const request = signed('1')
    expect(
      handle({
        ...request,
        headers: { 'api-sign': request.headers['api-sign'] },
      }).json,
    ).toEqual({ error: ['EAPI:Invalid key'] })
    expect(
      handle({ ...request, headers: { ...request.headers, 'api-key': 'nope' } })
        .json,
    ).toEqual({ error: ['EAPI:Invalid key'] })
  })

  test('error: bad signature, without spending the nonce', () => {
    const handle = createGetWebSocketsTokenHandler({
      tokens: createTokenStore(),
    })
    const request = signed('10')
    expect(handle({ ...request, body: 'nonce=10&extra=1' }).json).toEqual({
      error: ['EAPI:Invalid signature'],
    })
    expect(
      handle({
        ...request,
        headers: { ...request.headers, 'api-sign': 'AAAA' },
      }).json,
    ).toEqual({ error: ['EAPI:Invalid signature'] })
    expect(handle(request).json.error).toEqual([])
  })

  test('error: reused, decreasing or missing nonce', () => {
    const handle = createGetWebSocketsTokenHandler({
      tokens: createTokenStore(),
    })
    expect(handle(signed('10')).json.error).toEqual([])
    expect(handle(signed('10')).json).toEqual({ error: ['EAPI:Invalid nonce'] })
    expect(handle(signed('9')).json).toEqual({ error: ['EAPI:Invalid nonce'] })
    expect(handle(signed('11')).json.error).toEqual([])
    const request = signed('12', 'other=1')
    expect(handle(request).json).toEqual({ error: ['EAPI:Invalid nonce'] })
  })

  test('behavior: the default credentials are well-formed and fake', () => {
    expect(apiKey).toHaveLength(56)
    expect(Buffer.from(privateKey, 'base64')).toHaveLength(64)
    expect(privateKey).toHaveLength(88)
  })
})
