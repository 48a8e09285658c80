import { fake } from '@kraken-sockets/transport'
import { describe, expect, test } from 'vitest'
import { resolveOptions } from './options.js'

// Symbol hints may read REST `Assets`; where from decides whether a client
// pointed at a simulator, a tape or a fake could reach Kraken unasked.
describe('where symbol hints read REST Assets', () => {
  test('Kraken itself, when the client talks to Kraken over its own transport', () => {
    expect(resolveOptions({}, {}).hintRestUrl).toBe('https://api.kraken.com')
  })

  test('the given restUrl, from the options or the environment', () => {
    expect(
      resolveOptions({ restUrl: 'http://127.0.0.1:9' }, {}).hintRestUrl,
    ).toBe('http://127.0.0.1:9')
    expect(
      resolveOptions(
        { publicUrl: 'ws://127.0.0.1:8' },
        { KRAKEN_REST_URL: 'http://127.0.0.1:7' },
      ).hintRestUrl,
    ).toBe('http://127.0.0.1:7')
  })

  test('nowhere for another venue or a custom transport without restUrl', () => {
    expect(
      resolveOptions({ publicUrl: 'ws://127.0.0.1:8' }, {}).hintRestUrl,
    ).toBeUndefined()
    expect(
      resolveOptions({ transport: () => fake() }, {}).hintRestUrl,
    ).toBeUndefined()
  })
})
