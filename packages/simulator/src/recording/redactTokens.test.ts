import { afterEach, describe, expect, test } from 'vitest'
import { startSimulator } from '../startSimulator.js'
import { connectPrivate } from '../testing/private.js'
import { parseRecording } from './format.js'
import { REDACTED, redactTokens } from './redactTokens.js'

const SECRET = 'c2VjcmV0LXRva2VuLXZhbHVlLTEyMw'

describe('redactTokens', () => {
  test('default', () => {
    expect(
      redactTokens(
        `{"method":"subscribe","params":{"channel":"balances","token":"${SECRET}"},"req_id":1}`,
      ),
    ).toBe(
      `{"method":"subscribe","params":{"channel":"balances","token":"${REDACTED}"},"req_id":1}`,
    )
  })

  test('behavior: keys are read as the request is parsed (escapes decoded)', () => {
    for (const key of [
      'tok\\u0065n',
      '\\u0074oken',
      '\\u0074\\u006f\\u006b\\u0065\\u006e',
      'toke\\u006E',
    ]) {
      const frame = `{"method":"add_order","params":{"${key}" : "${SECRET}","limit_price":0.10000000}}`
      const redacted = redactTokens(frame)
      expect(redacted).not.toContain(SECRET)
      // The rest of the text is untouched: the price keeps its digits.
      expect(redacted).toContain('"limit_price":0.10000000')
      expect(JSON.parse(redacted)).toMatchObject({
        params: { token: REDACTED },
      })
    }
  })

  test('behavior: a quote inside a string value never shifts what counts as a key', () => {
    const frame = `{"a":"x\\":\\"token\\":\\"","params":{"token":"${SECRET}"}}`
    const redacted = redactTokens(frame)
    expect(redacted).not.toContain(SECRET)
    expect(JSON.parse(redacted)).toEqual({
      a: 'x":"token":"',
      params: { token: REDACTED },
    })
  })

  test('behavior: tokens at any depth, in arrays, truncated frames and non-string values', () => {
    expect(redactTokens(`[{"orders":[{"token":"${SECRET}"}]}]`)).not.toContain(
      SECRET,
    )
    // A frame cut in the middle of the token still hides it.
    expect(redactTokens(`{"params":{"tok\\u0065n":"${SECRET}`)).not.toContain(
      SECRET,
    )
    // Not a string value: re-encoded from the parsed, redacted value.
    expect(JSON.parse(redactTokens(`{"token":{"v":"${SECRET}"}}`))).toEqual({
      token: REDACTED,
    })
    expect(redactTokens('{"tokens":"keep","x":"token"}')).toBe(
      '{"tokens":"keep","x":"token"}',
    )
    expect(redactTokens('not json at all')).toBe('not json at all')
  })
})

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

test('error: a request keyed "tok\\u0065n" is served, and its token is never recorded', async () => {
  const lines: string[] = []
  const simulator = await startSimulator({
    rate: 0,
    record: { write: (line) => lines.push(line) },
  })
  cleanups.push(() => simulator.close())
  const priv = await connectPrivate(simulator)
  cleanups.push(() => priv.close())
  // The escaped key is still `token` to a JSON parser, as it is to Kraken.
  const frame = `{"method":"subscribe","params":{"channel":"balances","tok\\u0065n":"${priv.token}"},"req_id":7}`
  priv.send(frame)
  const ack = JSON.parse(
    await priv.next((_, parsed) => parsed?.req_id === 7),
  ) as { success?: boolean }
  expect(ack.success).toBe(true)
  // A binary frame holding a token is not a request, but is recorded too.
  priv.socket.send(Buffer.from(`{"params":{"token":"${priv.token}"}}`), {
    binary: true,
  })
  await priv.sync()
  const text = lines.join('')
  expect(text).not.toContain(priv.token)
  const incoming = parseRecording(text).filter((r) => r.dir === 'in')
  expect(
    incoming.some((r) => r.frame.includes(`"tok\\u0065n":"${REDACTED}"`)),
  ).toBe(true)
  // The request log redacts on the parsed request as well.
  expect(JSON.stringify(simulator.stats.requests())).not.toContain(priv.token)
})
