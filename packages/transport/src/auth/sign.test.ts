import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { InvalidPrivateKeyError } from './errors.js'
import { decodePrivateKey, signKrakenRequest } from './sign.js'

type Vector = {
  private_key: string
  nonce: string
  encoded_payload: string
  uri_path: string
  expected_api_sign: string
}
const vectors = JSON.parse(
  readFileSync(
    join(
      import.meta.dirname,
      '../../../../fixtures/kraken-v2/auth-vectors.json',
    ),
    'utf8',
  ),
) as { vectors: Vector[] }

test('default', async () => {
  expect(vectors.vectors.length).toBeGreaterThan(0)
  for (const vector of vectors.vectors)
    expect(
      await signKrakenRequest({
        privateKey: vector.private_key,
        path: vector.uri_path,
        nonce: vector.nonce,
        body: vector.encoded_payload,
      }),
    ).toBe(vector.expected_api_sign)
})

test('behavior: a different body gives a different signature', async () => {
  const vector = vectors.vectors[0]
  if (vector === undefined) throw new Error('no vector')
  const sign = await signKrakenRequest({
    privateKey: vector.private_key,
    path: vector.uri_path,
    nonce: vector.nonce,
    body: `${vector.encoded_payload}0`,
  })
  expect(sign).not.toBe(vector.expected_api_sign)
})

test('error: private keys that are not strict base64', () => {
  for (const bad of ['', 'not base64!', 'abc', 'YWJj ZA==', 'YW=Jj'])
    expect(() => decodePrivateKey(bad)).toThrow(InvalidPrivateKeyError)
  expect(decodePrivateKey('YWJjZA==')).toEqual(
    new Uint8Array([97, 98, 99, 100]),
  )
})
