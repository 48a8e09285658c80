/**
 * A private request that cannot get a WS token says what to do in its own
 * message, not one or two `cause` levels down. Each case gets its answer from
 * the simulator's real `GetWebSocketsToken` endpoint (signed over HTTP).
 */
import {
  DEFAULT_TEST_CREDENTIALS,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from '@kraken-sockets/simulator'
import { signKrakenRequest } from '@kraken-sockets/transport'
import { afterEach, expect, test } from 'vitest'
import {
  AddOrderRequest,
  KrakenWebSocketAPI,
  type KrakenWebSocketAPIOptions,
  NotSentError,
} from './index.js'

let simulator: Simulator | undefined
let kraken: KrakenWebSocketAPI | undefined

afterEach(async () => {
  await kraken?.stop()
  await simulator?.close()
  kraken = undefined
  simulator = undefined
})

// A well-formed key pair the simulator does not know: 56 characters, and
// 64 bytes of base64 as Kraken shows a private key.
const unknownApiKey = 'u'.repeat(56)
const otherPrivateKey = Buffer.alloc(64, 7).toString('base64')

async function failedOrder(
  simulatorOptions: SimulatorOptions,
  keys: Partial<Pick<KrakenWebSocketAPIOptions, 'apiKey' | 'privateKey'>> = {},
  before?: (sim: Simulator) => Promise<void>,
): Promise<NotSentError> {
  simulator = await startSimulator({ seed: 11, rate: 50, ...simulatorOptions })
  await before?.(simulator)
  kraken = new KrakenWebSocketAPI({
    ...simulator.clientOptions(),
    ...keys,
    logLevel: false,
  })
  const order = AddOrderRequest({
    order_type: 'limit',
    side: 'buy',
    symbol: 'BTC/USD',
    order_qty: '0.001',
    limit_price: '1000',
  })
  const error = await kraken.request(order).then(
    () => undefined,
    (rejection: unknown) => rejection,
  )
  expect(error).toBeInstanceOf(NotSentError)
  return error as NotSentError
}

function secretsOf(sim: Simulator | undefined): string[] {
  const { privateKey } = sim?.clientOptions() ?? {}
  return [privateKey ?? '', otherPrivateKey].filter((text) => text !== '')
}

test('error: a wrong API key says to check the key pair and its permission', async () => {
  const error = await failedOrder({}, { apiKey: unknownApiKey })
  expect(error.message).toContain('EAPI:Invalid key')
  expect(error.message).toContain('Check the key pair')
  for (const secret of secretsOf(simulator))
    expect(error.message).not.toContain(secret)
})

test('error: a private key that does not sign for the API key says to paste both from one pair', async () => {
  const error = await failedOrder({}, { privateKey: otherPrivateKey })
  expect(error.message).toContain('EAPI:Invalid signature')
  expect(error.message).toContain('from the same key pair')
  expect(error.message).not.toContain(otherPrivateKey)
})

test('error: a nonce spent by another program says to give each program its own key', async () => {
  // Another program used the same key with a nonce far ahead of ours.
  const spend = async (sim: Simulator) => {
    const nonce = '9000000000000000000'
    const body = `nonce=${nonce}`
    const path = '/0/private/GetWebSocketsToken'
    const sign = await signKrakenRequest({
      privateKey: DEFAULT_TEST_CREDENTIALS.privateKey,
      path,
      nonce,
      body,
    })
    const answer = await fetch(`${sim.restUrl}${path}`, {
      method: 'POST',
      headers: {
        'API-Key': DEFAULT_TEST_CREDENTIALS.apiKey,
        'API-Sign': sign,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body,
    })
    expect(((await answer.json()) as { error: string[] }).error).toEqual([])
  }
  const error = await failedOrder({}, {}, spend)
  expect(error.message).toContain('EAPI:Invalid nonce')
  expect(error.message).toContain('Give each program its own key')
})

test('error: a key without the WebSocket permission says which permission to enable', async () => {
  const error = await failedOrder({ webSocketPermission: false })
  expect(error.message).toContain('EGeneral:Permission denied')
  expect(error.message).toContain('enable "WebSocket interface"')
})
