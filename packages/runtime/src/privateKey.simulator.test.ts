/**
 * A malformed private key fails where the client is created, with a typed
 * error that says what to do; a well-formed one reaches the simulator.
 */
import { startSimulator } from '@kraken-sockets/simulator'
import { InvalidPrivateKeyError } from '@kraken-sockets/transport'
import { expect, test } from 'vitest'
import { AddOrderRequest, KrakenWebSocketAPI } from './index.js'

test('error: a private key that is not base64 throws InvalidPrivateKeyError from the constructor', () => {
  for (const privateKey of ['not base64!', 'abc', 'YWJj\n']) {
    expect(
      () =>
        new KrakenWebSocketAPI({ apiKey: 'key', privateKey, logger: false }),
    ).toThrow(InvalidPrivateKeyError)
  }
  let message = ''
  try {
    new KrakenWebSocketAPI({
      apiKey: 'key',
      privateKey: 'secret-ish!',
      logger: false,
    })
  } catch (error) {
    message = `${(error as Error).message} ${(error as { details?: string }).details}`
  }
  expect(message).toMatch(/exactly as Kraken shows it/)
  expect(message).not.toContain('secret-ish')
})

test('behavior: the simulator keys pass the check and place an order', async () => {
  const simulator = await startSimulator({ rate: 0 })
  const kraken = new KrakenWebSocketAPI({
    ...simulator.clientOptions(),
    logger: false,
  })
  try {
    const { ack } = await kraken.place(
      AddOrderRequest({
        order_type: 'limit',
        side: 'buy',
        symbol: 'BTC/USD',
        order_qty: '0.01',
        limit_price: '50000',
      }),
    )
    expect(ack.success).toBe(true)
  } finally {
    await kraken.stop()
    await simulator.close()
  }
})
