import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { signKrakenRequest, verifyKrakenSignature } from './signature.js'

type Vector = {
  private_key: string
  nonce: string
  encoded_payload: string
  uri_path: string
  expected_api_sign: string
}

const { vectors } = JSON.parse(
  readFileSync(
    join(
      import.meta.dirname,
      '../../../../fixtures/kraken-v2/auth-vectors.json',
    ),
    'utf8',
  ),
) as { vectors: Vector[] }

test('default', () => {
  expect(vectors.length).toBeGreaterThan(0)
  for (const vector of vectors) {
    const input = {
      path: vector.uri_path,
      nonce: vector.nonce,
      body: vector.encoded_payload,
      privateKey: vector.private_key,
    }
    expect(signKrakenRequest(input)).toBe(vector.expected_api_sign)
    expect(verifyKrakenSignature(input, vector.expected_api_sign)).toBe(true)
  }
})

test('error: a changed body or path fails verification', () => {
  const [vector] = vectors
  if (vector === undefined) throw new Error('no vector')
  const input = {
    path: vector.uri_path,
    nonce: vector.nonce,
    body: vector.encoded_payload,
    privateKey: vector.private_key,
  }
  expect(
    verifyKrakenSignature(
      { ...input, body: input.body.replace('1.25', '1.26') },
      vector.expected_api_sign,
    ),
  ).toBe(false)
  expect(
    verifyKrakenSignature(
      { ...input, path: '/0/private/GetWebSocketsToken' },
      vector.expected_api_sign,
    ),
  ).toBe(false)
  expect(verifyKrakenSignature(input, 'not base64 at all')).toBe(false)
  expect(verifyKrakenSignature(input, '')).toBe(false)
})
